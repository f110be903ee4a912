package org.disclosureguard.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.EventType;
import org.disclosureguard.contract.IncidentCategory;
import org.disclosureguard.contract.InformationSource;
import org.disclosureguard.synthetic.CaseEventGenerator;

class ScreenerTest {
    /** The bundled policy plus one rule that cannot be evaluated on records without an incident. */
    private static Policy policyWithFailingRule() throws Exception {
        String yaml;
        try (InputStream in = ScreenerTest.class.getClassLoader().getResourceAsStream(Policy.BUNDLED_RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        yaml = yaml.replace("rules:\n", "rules:\n  - id: test.fragile\n    condition: incident.category == 'RUNAWAY'\n"
                + "    explanation: dereferences incident without checking for null\n");
        return Policy.compile(Policy.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test"),
                SchemaCatalog.bundled(), "test");
    }

    private static GenericRecord decoded(CaseRecordEvent event) throws Exception {
        return new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.CASE_RECORD_EVENT).decode(GuardDriver.encode(event));
    }

    @Test
    void aRuleThatFailsOnARecordHoldsIt() throws Exception {
        Screener screener = new Screener(policyWithFailingRule());
        ScreeningResult result = screener.screen(decoded(TestEvents.benign().build()), 0L);
        assertEquals(Decision.HOLD, result.decision());
        assertEquals(List.of(Screener.RULE_ERROR_ID), result.ruleIds());
        assertTrue(result.findings().get(0).explanation().contains("test.fragile"));
    }

    @Test
    void whenOneRuleFailsAndAnotherMatchesBothAreReported() throws Exception {
        Screener screener = new Screener(policyWithFailingRule());
        var event = TestEvents.benign().setInformationSource(InformationSource.GROUP_COUNSELING).build();
        ScreeningResult result = screener.screen(decoded(event), 0L);
        assertEquals(Decision.HOLD, result.decision());
        assertTrue(result.ruleIds().containsAll(List.of("provenance.counseling-source", Screener.RULE_ERROR_ID)), result.ruleIds().toString());
    }

    @Test
    void aTermSplitAcrossFreeTextFieldsIsFound() throws Exception {
        var event = TestEvents.benign().setEventType(EventType.SIR)
                .setInformationSource(InformationSource.STAFF_OBSERVATION)
                .setCaseNotes("Youth said he told his thera")
                .setIncident(TestEvents.incident(IncidentCategory.GANG_CONCERN,
                        "pist about the older boys who recruited him."))
                .build();
        ScreeningResult result = new Screener(Policy.bundled()).screen(decoded(event), 0L);
        assertEquals(Decision.HOLD, result.decision());
        Finding finding = result.findings().get(0);
        assertEquals("content.therapy-reference", finding.ruleId());
        assertTrue(finding.fieldPath().contains("+") && finding.detail().contains("split"), finding.toString());
    }

    @Test
    void theCombinedRuleAgreesWithTheRulesOneByOne() throws Exception {
        Policy policy = Policy.bundled();
        var generator = new CaseEventGenerator(99);
        for (int i = 0; i < 500; i++) {
            GenericRecord record = decoded(generator.next().event());
            boolean any = false;
            for (var rule : policy.rules()) {
                any |= rule.matches(record);
            }
            assertEquals(any, policy.anyRule().matches(record));
        }
    }
}
