package org.disclosureguard.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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

/** Hand-made events for rule-by-rule tests: start from a benign record and change one thing. */
public final class TestEvents {
    private TestEvents() {}

    /** The child of every record {@link #benign()} builds. */
    public static final String CHILD_ID = "child-42";

    public static CaseRecordEvent.Builder benign() {
        return CaseRecordEvent.newBuilder()
                .setEventId("evt-1")
                .setEventType(EventType.PLACEMENT_UPDATE)
                .setOccurredAt(Instant.parse("2026-11-02T10:15:00Z"))
                .setCaseId("case-42")
                .setFacilityId("FAC-TX-014")
                .setSourceSystem("provider-cms")
                .setFormId("S-8")
                .setAuthor(Author.newBuilder().setAuthorId("staff-7").setRole(AuthorRole.CASE_MANAGER).build())
                .setInformationSource(InformationSource.DOCUMENT_REVIEW)
                .setChild(Child.newBuilder().setChildId(CHILD_ID).setANumber("999000042").setFirstName("Ana")
                        .setLastName("García").setDateOfBirth(LocalDate.of(2011, 3, 4)).setSex("F")
                        .setCountryOfBirth("Guatemala").setPreferredLanguage("Spanish").build())
                .setPlacement(Placement.newBuilder().setFacilityName("Casa Esperanza").setProgramType("SHELTER")
                        .setAdmittedAt(Instant.parse("2026-10-01T00:00:00Z")).setDischargedAt(null).build())
                .setAttributes(new HashMap<>());
    }

    public static Counseling counseling(String notes) {
        return Counseling.newBuilder().setSessionId("sess-1").setClinicianId("clin-1")
                .setSessionDate(LocalDate.of(2026, 10, 20)).setSessionNotes(notes)
                .setDisclosures(List.of("disclosed gang recruitment")).setTraumaHistory(List.of("community violence"))
                .setRiskAssessment("low").setDiagnosisCodes(List.of("F43.10")).build();
    }

    public static Incident incident(IncidentCategory category, String summary) {
        return Incident.newBuilder().setCategory(category).setSeverity(Severity.MEDIUM).setSummary(summary)
                .setLawEnforcementNotified(false).build();
    }
}
