package org.disclosureguard.evaluate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.disclosureguard.contract.Author;
import org.disclosureguard.contract.AuthorRole;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.Counseling;
import org.disclosureguard.contract.EventType;
import org.disclosureguard.contract.Incident;
import org.disclosureguard.contract.IncidentCategory;
import org.disclosureguard.contract.InformationSource;
import org.disclosureguard.contract.Severity;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.disclosureguard.contract.Child;
import org.disclosureguard.contract.Placement;

/**
 * The record shapes of the corpora, built on the synthetic generator's routine case notes (made-up children,
 * facilities and A-numbers) so that only the part under test differs from an everyday record. One instance per
 * corpus class, seeded from it, so a class's records do not change when another class is added.
 */
final class CorpusRecords {
    private static final List<IncidentCategory> ROUTINE_CATEGORIES = List.of(IncidentCategory.BEHAVIORAL,
            IncidentCategory.SAFETY_THREAT, IncidentCategory.GANG_CONCERN, IncidentCategory.RUNAWAY, IncidentCategory.OTHER);
    private static final List<InformationSource> COUNSELING_SOURCES = List.of(InformationSource.INDIVIDUAL_COUNSELING,
            InformationSource.GROUP_COUNSELING, InformationSource.MENTAL_HEALTH_ASSESSMENT);

    private final CaseEventGenerator generator;
    private final SplittableRandom random;
    private final String className;
    private int sequence;

    CorpusRecords(String className, long seed) {
        this.className = className;
        this.generator = new CaseEventGenerator(seed);
        this.random = new SplittableRandom(seed);
    }

    SplittableRandom random() {
        return random;
    }

    /** Free text in a routine host: a case manager's case note, or a staff-observed incident report. */
    CaseRecordEvent routineText(String text) {
        return random.nextBoolean() ? caseNote(text) : incidentReport(text);
    }

    CaseRecordEvent caseNote(String notes) {
        return base(EventType.CASE_NOTE, AuthorRole.CASE_MANAGER, InformationSource.CASE_MANAGEMENT_INTERVIEW)
                .setCaseNotes(notes).build();
    }

    CaseRecordEvent incidentReport(String summary) {
        return incidentBase().setIncident(incident(summary)).build();
    }

    /** One text across two fields: the first part in the case notes, the rest in the incident summary. */
    CaseRecordEvent splitAcrossFields(String notes, String summary) {
        return incidentBase().setCaseNotes(notes).setIncident(incident(summary)).build();
    }

    /**
     * A benign record in one of the everyday shapes: case note, medical visit, release planning, or an incident
     * observed by a youth care worker.
     */
    CaseRecordEvent benign(String text) {
        return switch (random.nextInt(4)) {
            case 0 -> caseNote(text);
            case 1 -> base(EventType.MEDICAL_VISIT, AuthorRole.MEDICAL_STAFF, InformationSource.MEDICAL_EXAM)
                    .setCaseNotes(text).build();
            case 2 -> base(EventType.RELEASE_PLANNING, AuthorRole.CASE_MANAGER, InformationSource.CASE_MANAGEMENT_INTERVIEW)
                    .setFormId("R-3").setCaseNotes(text).build();
            default -> base(EventType.SIR, AuthorRole.YOUTH_CARE_WORKER, InformationSource.STAFF_OBSERVATION)
                    .setFormId("A-10B").setIncident(incident(text)).build();
        };
    }

    /**
     * A record whose information came from a medical source (a medical visit written by medical staff) or a third
     * party: no record rule holds it, so only what its text says can.
     */
    CaseRecordEvent medicalOrThirdParty(String text) {
        return random.nextBoolean()
                ? base(EventType.MEDICAL_VISIT, AuthorRole.MEDICAL_STAFF, InformationSource.MEDICAL_EXAM).setCaseNotes(text).build()
                : base(EventType.CASE_NOTE, AuthorRole.CASE_MANAGER, InformationSource.THIRD_PARTY).setCaseNotes(text).build();
    }

    /** A routine placement update whose forwarded strings are these (the case notes routine). */
    CaseRecordEvent placementUpdate(String facilityName, String programType, String notes) {
        return base(EventType.PLACEMENT_UPDATE, AuthorRole.CASE_MANAGER, InformationSource.DOCUMENT_REVIEW)
                .setPlacement(Placement.newBuilder().setFacilityName(facilityName)
                        .setProgramType(programType).setAdmittedAt(java.time.Instant.parse("2026-10-02T15:00:00Z")).build())
                .setCaseNotes(notes).build();
    }

    /** A routine record with {@code text} typed into one of its forwarded (non-free-text) string fields. */
    CaseRecordEvent textInForwardedField(String text, String facilityName, String programType) {
        CaseRecordEvent routine = placementUpdate(facilityName, programType, pick(BenignTexts.ROUTINE_NOTES));
        CaseRecordEvent.Builder event = CaseRecordEvent.newBuilder(routine);
        switch (random.nextInt(5)) {
            case 0 -> event.setPlacement(Placement.newBuilder(routine.getPlacement())
                    .setFacilityName(text).build());
            case 1 -> event.setPlacement(Placement.newBuilder(routine.getPlacement())
                    .setProgramType(text).build());
            case 2 -> event.setFormId(text);
            case 3 -> event.setSourceSystem(text);
            default -> event.setChild(Child.newBuilder(routine.getChild())
                    .setPreferredLanguage(text).build());
        }
        return event.build();
    }

    /** A counseling-session event written up by a case manager from an interview: only the event type says therapy. */
    CaseRecordEvent counselingSessionEvent(boolean withCounselingBlock) {
        CaseRecordEvent.Builder event = base(EventType.COUNSELING_SESSION, AuthorRole.CASE_MANAGER,
                InformationSource.CASE_MANAGEMENT_INTERVIEW);
        if (withCounselingBlock) {
            event.setCounseling(counselingBlock());
        } else {
            event.setCaseNotes(pick(BenignTexts.ROUTINE_NOTES));
        }
        return event.build();
    }

    /** A routine case note that also carries a counseling block (a form that bundles the session). */
    CaseRecordEvent routineNoteWithCounselingBlock() {
        return base(EventType.CASE_NOTE, AuthorRole.CASE_MANAGER, InformationSource.CASE_MANAGEMENT_INTERVIEW)
                .setCaseNotes(pick(BenignTexts.ROUTINE_NOTES)).setCounseling(counselingBlock()).build();
    }

    /** Routine-looking text whose provenance is therapy: a counseling source, or a clinician as author. */
    CaseRecordEvent therapyProvenance(String text) {
        boolean clinician = random.nextInt(3) == 0;
        InformationSource source = clinician
                ? (random.nextBoolean() ? InformationSource.CASE_MANAGEMENT_INTERVIEW : InformationSource.STAFF_OBSERVATION)
                : pick(COUNSELING_SOURCES);
        AuthorRole role = clinician ? AuthorRole.CLINICIAN : AuthorRole.CASE_MANAGER;
        return switch (random.nextInt(3)) {
            case 0 -> base(EventType.CASE_NOTE, role, source).setCaseNotes(text).build();
            case 1 -> base(random.nextBoolean() ? EventType.SIR : EventType.BEHAVIORAL_NOTE, role, source)
                    .setFormId("A-10B").setIncident(incident(text)).build();
            default -> base(EventType.RELEASE_PLANNING, role, source).setFormId("R-3").setCaseNotes(text).build();
        };
    }

    private CaseRecordEvent.Builder incidentBase() {
        EventType type = random.nextBoolean() ? EventType.SIR : EventType.BEHAVIORAL_NOTE;
        return base(type, AuthorRole.CASE_MANAGER, InformationSource.STAFF_OBSERVATION).setFormId("A-10B");
    }

    private CaseRecordEvent.Builder base(EventType type, AuthorRole role, InformationSource source) {
        CaseRecordEvent routine = generator.next(CaseEventGenerator.Kind.ROUTINE_CASE_NOTE);
        sequence++;
        return CaseRecordEvent.newBuilder(routine)
                .setEventId(String.format("evt-eval-%s-%04d", className, sequence))
                .setEventType(type)
                .setFormId(null)
                .setAuthor(Author.newBuilder().setAuthorId(routine.getAuthor().getAuthorId()).setRole(role).build())
                .setInformationSource(source)
                .setPlacement(null)
                .setIncident(null)
                .setCounseling(null)
                .setCaseNotes(null)
                .setAttributes(new HashMap<>());
    }

    private Incident incident(String summary) {
        return Incident.newBuilder().setCategory(pick(ROUTINE_CATEGORIES)).setSeverity(pick(List.of(Severity.values())))
                .setSummary(summary).setLawEnforcementNotified(false).build();
    }

    private Counseling counselingBlock() {
        TherapySentences.Sentence retold = TherapySentences.pick(random);
        String disclosure = retold.with(retold.term());
        return Counseling.newBuilder()
                .setSessionId("sess-" + random.nextInt(100_000))
                .setClinicianId("clin-" + random.nextInt(50))
                .setSessionDate(LocalDate.of(2026, 10, 1 + random.nextInt(28)))
                .setSessionNotes("Youth processed grief about leaving home. " + disclosure)
                .setDisclosures(List.of(disclosure))
                .setTraumaHistory(List.of("community violence"))
                .setRiskAssessment("low risk of self-harm")
                .setDiagnosisCodes(List.of("F43.10"))
                .build();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
