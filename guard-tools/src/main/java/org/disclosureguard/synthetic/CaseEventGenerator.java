package org.disclosureguard.synthetic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.disclosureguard.contract.Author;
import org.disclosureguard.contract.AuthorRole;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.Child;
import org.disclosureguard.contract.Counseling;
import org.disclosureguard.contract.EventType;
import org.disclosureguard.contract.Incident;
import org.disclosureguard.contract.IncidentCategory;
import org.disclosureguard.contract.InformationSource;
import org.disclosureguard.contract.Placement;
import org.disclosureguard.contract.Severity;

/**
 * A realistic, reproducible stream of synthetic case-record events (names and A-numbers are made up): mostly
 * routine intakes, placement updates, case notes, medical visits and release planning; some staff-observed
 * incidents; and a minority that carry therapy-derived content in each of the ways the guard must catch.
 * The same seed gives the same stream. Not thread-safe.
 */
public final class CaseEventGenerator {
    /** The kinds of event generated, each with the decision the default policy should reach. */
    public enum Kind {
        INTAKE("FORWARD", 14), PLACEMENT_UPDATE("FORWARD", 12), ROUTINE_CASE_NOTE("FORWARD", 20),
        MEDICAL_VISIT("FORWARD", 8), RELEASE_PLANNING("FORWARD", 10), STAFF_INCIDENT("FORWARD", 8),
        LOOKALIKE_NOTE("FORWARD", 5),
        CASE_NOTE_WITH_COUNSELING_BLOCK("FORWARD_REDACTED", 5), CASE_NOTE_WITH_ATTRIBUTES("FORWARD_REDACTED", 3),
        COUNSELING_SESSION("HOLD", 4), CLINICIAN_INCIDENT("HOLD", 3), COUNSELING_SOURCED_INCIDENT("HOLD", 3),
        THERAPY_RETOLD_NOTE_EN("HOLD", 2), THERAPY_RETOLD_NOTE_ES("HOLD", 2), HISTORICAL_DISCLOSURE("HOLD", 1);

        private final String expectedDecision;
        private final int weight;

        Kind(String expectedDecision, int weight) {
            this.expectedDecision = expectedDecision;
            this.weight = weight;
        }

        /** The decision name (FORWARD, FORWARD_REDACTED, HOLD) that the bundled policy should reach. */
        public String expectedDecision() {
            return expectedDecision;
        }
    }

    private static final List<String> FIRST_NAMES = List.of("Ana", "José", "María", "Luis", "Sofía", "Carlos",
            "Valeria", "Diego", "Camila", "Mateo", "Daniela", "Kevin", "Yesenia", "Brayan", "Guadalupe", "Elmer");
    private static final List<String> LAST_NAMES = List.of("García", "López", "Hernández", "Pérez", "Ramírez",
            "Cruz", "Morales", "Reyes", "Flores", "Gómez", "Ortiz", "Chávez", "Castillo", "Mejía");
    private static final List<String> COUNTRIES = List.of("Guatemala", "Honduras", "El Salvador", "Mexico",
            "Ecuador", "Nicaragua", "Colombia", "Venezuela");
    private static final List<String> FACILITIES = List.of("FAC-TX-014", "FAC-TX-027", "FAC-AZ-003", "FAC-FL-011",
            "FAC-NY-006", "FAC-IL-002");
    private static final List<String> ROUTINE_NOTES = List.of(
            "Youth attended school all week and completed the math assessment. Teacher reports good participation.",
            "Weekly phone call with mother in Guatemala; youth was in good spirits afterwards.",
            "Youth played soccer during recreation and helped set up the dining room.",
            "Sponsor assessment call held with the paternal uncle; home study documents requested.",
            "Youth asked about the timeline for family reunification; case manager explained the next steps.",
            "Attended English class and an art workshop. No concerns reported by youth care staff.",
            "Legal service provider visited for a know-your-rights presentation.",
            "El joven participó en la clase de inglés y habló por teléfono con su hermana.");
    private static final List<String> LOOKALIKE_NOTES = List.of(
            "Youth continues physical therapy for the sprained ankle; the physical therapist expects full recovery.",
            "Speech therapy evaluation scheduled with the school district.",
            "A therapy dog visited the unit on Saturday; the youth enjoyed it.",
            "Her legal counsel filed the motion; the court session was moved to March.",
            "La joven asistió a terapia física por la lesión de la rodilla.");
    private static final List<String> STAFF_INCIDENTS = List.of(
            "Two youth argued over the television remote; staff separated them and no one was hurt.",
            "Youth attempted to leave the facility through the recreation yard gate and was redirected by staff.",
            "Contraband (a phone charger) found during a routine room check and returned to the property office.",
            "Youth slipped on the wet floor in the gym; nurse applied ice, no further treatment needed.");
    private static final List<String> RETOLD_EN = List.of(
            "During his weekly counseling session the youth told his therapist that he sold drugs for a gang in Honduras.",
            "Per the clinician, in session the youth disclosed that he was forced to carry weapons before coming to the US.",
            "Youth shared with his th3rapist that older boys in the neighborhood recruited him; he is afraid to go back.");
    private static final List<String> RETOLD_ES = List.of(
            "En la sesión de terapia el joven le contó a su terapeuta que vendía drogas para una pandilla.",
            "Según la psicóloga, la joven relató en consejería que su padrastro la golpeaba.");
    private static final List<String> DISCLOSURES = List.of("witnessed a killing in his town",
            "was recruited by a gang at 13", "was abused by a relative", "crossed with a smuggler who threatened him");

    private final SplittableRandom random;
    private final int totalWeight;
    private long sequence;

    public CaseEventGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.weight;
        }
        this.totalWeight = total;
    }

    /** A generated event together with its kind (and so the decision it should get). */
    public record Generated(Kind kind, CaseRecordEvent event) {}

    /**
     * Texts that only ever appear in therapy-derived places of generated events (counseling blocks, case notes
     * that retell a session): none of them may ever be found on the enforcement topic.
     */
    public static List<String> therapyDerivedTexts() {
        List<String> texts = new java.util.ArrayList<>(DISCLOSURES);
        texts.addAll(RETOLD_EN);
        texts.addAll(RETOLD_ES);
        texts.add("Youth processed grief about leaving his grandmother");
        return texts;
    }

    public Generated next() {
        int pick = random.nextInt(totalWeight);
        for (Kind kind : Kind.values()) {
            pick -= kind.weight;
            if (pick < 0) {
                return new Generated(kind, next(kind));
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    public CaseRecordEvent next(Kind kind) {
        sequence++;
        int caseNumber = 1000 + random.nextInt(9000);
        CaseRecordEvent.Builder event = CaseRecordEvent.newBuilder()
                .setEventId(String.format("evt-%08d-%04x", sequence, random.nextInt(0x10000)))
                .setOccurredAt(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(sequence * 37L))
                .setCaseId("case-" + caseNumber)
                .setFacilityId(pick(FACILITIES))
                .setSourceSystem("provider-cms")
                .setFormId(null)
                .setAuthor(author(AuthorRole.CASE_MANAGER))
                .setInformationSource(InformationSource.CASE_MANAGEMENT_INTERVIEW)
                .setChild(child(caseNumber))
                .setAttributes(new HashMap<>());
        switch (kind) {
            case INTAKE -> event.setEventType(EventType.INTAKE).setFormId("S-8")
                    .setInformationSource(InformationSource.DOCUMENT_REVIEW).setPlacement(placement(false));
            case PLACEMENT_UPDATE -> event.setEventType(EventType.PLACEMENT_UPDATE)
                    .setInformationSource(InformationSource.DOCUMENT_REVIEW).setPlacement(placement(random.nextBoolean()));
            case ROUTINE_CASE_NOTE -> event.setEventType(EventType.CASE_NOTE).setCaseNotes(pick(ROUTINE_NOTES));
            case MEDICAL_VISIT -> event.setEventType(EventType.MEDICAL_VISIT).setAuthor(author(AuthorRole.MEDICAL_STAFF))
                    .setInformationSource(InformationSource.MEDICAL_EXAM)
                    .setCaseNotes("Routine medical check; vaccinations updated, no acute concerns.");
            case RELEASE_PLANNING -> event.setEventType(EventType.RELEASE_PLANNING).setFormId("R-3")
                    .setCaseNotes("Release to sponsor (aunt) approved; travel scheduled for next week.");
            case STAFF_INCIDENT -> event.setEventType(EventType.SIR).setFormId("A-10B")
                    .setAuthor(author(AuthorRole.YOUTH_CARE_WORKER)).setInformationSource(InformationSource.STAFF_OBSERVATION)
                    .setIncident(incident(IncidentCategory.BEHAVIORAL, pick(STAFF_INCIDENTS)));
            case LOOKALIKE_NOTE -> event.setEventType(EventType.CASE_NOTE).setCaseNotes(pick(LOOKALIKE_NOTES));
            case CASE_NOTE_WITH_COUNSELING_BLOCK -> event.setEventType(EventType.CASE_NOTE)
                    .setCaseNotes(pick(ROUTINE_NOTES)).setCounseling(counseling());
            case CASE_NOTE_WITH_ATTRIBUTES -> event.setEventType(EventType.CASE_NOTE).setCaseNotes(pick(ROUTINE_NOTES))
                    .setAttributes(new HashMap<>(Map.of("cms.flag", "see clinical file", "cms.unit", "B2")));
            case COUNSELING_SESSION -> event.setEventType(EventType.COUNSELING_SESSION)
                    .setAuthor(author(AuthorRole.CLINICIAN)).setInformationSource(InformationSource.INDIVIDUAL_COUNSELING)
                    .setCounseling(counseling());
            case CLINICIAN_INCIDENT -> event.setEventType(EventType.SIR).setFormId("A-10B")
                    .setAuthor(author(AuthorRole.CLINICIAN)).setInformationSource(InformationSource.STAFF_OBSERVATION)
                    .setIncident(incident(IncidentCategory.GANG_CONCERN,
                            "Youth reported that gang members from his home town contacted him by phone."));
            case COUNSELING_SOURCED_INCIDENT -> event.setEventType(EventType.SIR).setFormId("A-10B")
                    .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING)
                    .setIncident(incident(IncidentCategory.GANG_CONCERN, "Youth said he was part of a gang before arriving."));
            case THERAPY_RETOLD_NOTE_EN -> event.setEventType(EventType.CASE_NOTE).setCaseNotes(pick(RETOLD_EN));
            case THERAPY_RETOLD_NOTE_ES -> event.setEventType(EventType.CASE_NOTE).setCaseNotes(pick(RETOLD_ES));
            case HISTORICAL_DISCLOSURE -> event.setEventType(EventType.HISTORICAL_DISCLOSURE)
                    .setIncident(incident(IncidentCategory.SELF_DISCLOSED_DELINQUENCY,
                            "Youth disclosed stealing food from a market in his home country."));
        }
        return event.build();
    }

    private Author author(AuthorRole role) {
        return Author.newBuilder().setAuthorId("staff-" + (100 + random.nextInt(900))).setRole(role).build();
    }

    private Child child(int caseNumber) {
        return Child.newBuilder()
                .setChildId("child-" + caseNumber)
                .setANumber(random.nextInt(4) == 0 ? null : String.format("999%06d", caseNumber * 97 % 1_000_000))
                .setFirstName(pick(FIRST_NAMES))
                .setLastName(pick(LAST_NAMES))
                .setDateOfBirth(LocalDate.of(2009 + random.nextInt(8), 1 + random.nextInt(12), 1 + random.nextInt(28)))
                .setSex(random.nextBoolean() ? "F" : "M")
                .setCountryOfBirth(pick(COUNTRIES))
                .setPreferredLanguage(random.nextInt(5) == 0 ? "K'iche'" : "Spanish")
                .build();
    }

    private Placement placement(boolean discharged) {
        Instant admitted = Instant.parse("2026-09-01T12:00:00Z").plusSeconds(random.nextInt(5_000_000));
        return Placement.newBuilder().setFacilityName("Casa " + pick(LAST_NAMES) + " Shelter")
                .setProgramType(random.nextBoolean() ? "SHELTER" : "TRANSITIONAL_FOSTER_CARE")
                .setAdmittedAt(admitted).setDischargedAt(discharged ? admitted.plusSeconds(86_400L * 40) : null).build();
    }

    private Incident incident(IncidentCategory category, String summary) {
        return Incident.newBuilder().setCategory(category).setSeverity(Severity.values()[random.nextInt(3)])
                .setSummary(summary).setLawEnforcementNotified(false).build();
    }

    private Counseling counseling() {
        return Counseling.newBuilder().setSessionId("sess-" + random.nextInt(100_000)).setClinicianId("clin-" + random.nextInt(50))
                .setSessionDate(LocalDate.of(2026, 10, 1 + random.nextInt(28)))
                .setSessionNotes("Youth processed grief about leaving his grandmother; " + pick(DISCLOSURES) + ".")
                .setDisclosures(List.of(pick(DISCLOSURES))).setTraumaHistory(List.of("community violence"))
                .setRiskAssessment("low risk of self-harm").setDiagnosisCodes(List.of("F43.10")).build();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
