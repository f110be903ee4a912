package org.disclosureguard.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.streams.test.TestRecord;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.Counseling;
import org.disclosureguard.contract.EventType;
import org.disclosureguard.contract.IncidentCategory;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.SharedGuardProperties;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.synthetic.CaseEventGenerator;

/**
 * Invariants 1 and 2 over generated records: a unique canary planted in any therapy-classified field, in the
 * extension map, or in free text next to an (obfuscated) therapy reference never appears in the enforcement
 * output bytes; and every input gets exactly one audit decision.
 */
class CanaryNeverCrossesProperties extends SharedGuardProperties {
    /** Where the canary is planted. */
    enum Plant {
        SESSION_NOTES, DISCLOSURES, TRAUMA_HISTORY, RISK_ASSESSMENT, DIAGNOSIS_CODES, ATTRIBUTES,
        CASE_NOTES_AFTER_REFERENCE, INCIDENT_SUMMARY_AFTER_REFERENCE, CASE_NOTES_BEFORE_REFERENCE
    }

    private static final List<String> THERAPY_REFERENCES = List.of("therapist", "therapy session", "terapeuta",
            "sesión de terapia", "psychotherapy", "counseling session");
    @Provide
    Arbitrary<String> canaries() {
        return Arbitraries.strings().withCharRange('A', 'Z').ofLength(10).map(s -> "CANARY" + s);
    }

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.of(THERAPY_REFERENCES);
    }

    @Property(tries = 300)
    void plantedCanaryNeverReachesTheEnforcementTopic(@ForAll("canaries") String canary, @ForAll Plant plant,
                                                        @ForAll Obfuscation obfuscation, @ForAll("references") String reference,
                                                        @ForAll long seed) {
        CaseRecordEvent base = new CaseEventGenerator(seed).next().event();
        CaseRecordEvent event = plant(CaseRecordEvent.newBuilder(base), plant, canary, obfuscation.apply(reference)).build();
        GuardDriver driver = guard();
        driver.send(event);

        for (TestRecord<byte[], byte[]> forwarded : driver.enforcementRecords()) {
            String bytes = new String(forwarded.value(), StandardCharsets.UTF_8);
            assertFalse(bytes.contains(canary), "canary planted in " + plant + " (" + obfuscation + ") crossed");
        }
        List<ScreeningDecision> audit = driver.auditValues();
        assertEquals(1, audit.size(), "exactly one decision per input");
        driver.reviewRecords(); // drain
    }

    private static CaseRecordEvent.Builder plant(CaseRecordEvent.Builder event, Plant plant, String canary, String reference) {
        Counseling counseling = event.getCounseling() != null ? Counseling.newBuilder(event.getCounseling()).build()
                : TestEvents.counseling("Session notes.");
        switch (plant) {
            case SESSION_NOTES -> counseling.setSessionNotes("Youth said " + canary);
            case DISCLOSURES -> counseling.setDisclosures(List.of(canary));
            case TRAUMA_HISTORY -> counseling.setTraumaHistory(new ArrayList<>(List.of("loss", canary)));
            case RISK_ASSESSMENT -> counseling.setRiskAssessment(canary);
            case DIAGNOSIS_CODES -> counseling.setDiagnosisCodes(List.of(canary));
            case ATTRIBUTES -> {
                HashMap<String, String> attributes = new HashMap<>(event.getAttributes());
                attributes.put("note", canary);
                event.setAttributes(attributes);
            }
            case CASE_NOTES_AFTER_REFERENCE -> event.setCaseNotes("Per the " + reference + ", the youth said " + canary + ".");
            case CASE_NOTES_BEFORE_REFERENCE -> event.setCaseNotes("Youth said " + canary + " (told to the " + reference + ").");
            case INCIDENT_SUMMARY_AFTER_REFERENCE -> event.setEventType(EventType.SIR)
                    .setIncident(TestEvents.incident(IncidentCategory.GANG_CONCERN, "In the " + reference + " he disclosed " + canary));
        }
        if (plant.ordinal() <= Plant.DIAGNOSIS_CODES.ordinal()) {
            event.setCounseling(counseling);
        }
        return event;
    }
}
