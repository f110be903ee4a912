package org.disclosureguard.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.pipeline.ActivePolicy;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new policy takes effect between two records, each decision names its version, and a bad one changes nothing. */
class PolicyReloadTest {
    private static final String NOTES = "Went to the pottery workshop with the group.";
    private String bundled;
    private ActivePolicy active;
    private PolicyReloader reloader;

    @BeforeEach
    void setUp() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(Policy.BUNDLED_RESOURCE)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        active = new ActivePolicy(Policy.bundled());
        reloader = new PolicyReloader(active, "bundled");
    }

    /** The bundled policy under a new version, with "pottery workshop" added to the dictionary. */
    private String withPottery(String version) {
        return bundled.replace("version: \"2026.12.26\"", "version: \"" + version + "\"")
                .replace("[\"therapy\", \"therapies\", ", "[\"therapy\", \"pottery workshop\", \"therapies\", ");
    }

    @Test
    void aNewVersionTakesEffectBetweenRecordsAndEveryDecisionNamesItsVersion() {
        try (GuardDriver guard = new GuardDriver(active, Clock.systemUTC(), GuardConfig.DEFAULT_MAX_RECORD_BYTES)) {
            guard.send(TestEvents.benign().setCaseId("case-1").setCaseNotes(NOTES).build());
            assertEquals(PolicyReloader.Outcome.ACCEPTED, reloader.offer(withPottery("2026.12.27"), "test"));
            guard.send(TestEvents.benign().setCaseId("case-2").setCaseNotes(NOTES).build());

            List<ScreeningDecision> decisions = guard.auditValues();
            assertEquals(Decision.FORWARD, decisions.get(0).getDecision());
            assertEquals("2026.12.26", decisions.get(0).getPolicyVersion().toString());
            assertEquals(Decision.HOLD, decisions.get(1).getDecision(), "the new term holds the same text now");
            assertEquals("2026.12.27", decisions.get(1).getPolicyVersion().toString());
            assertEquals("2026.12.27", reloader.status().version());
            assertEquals("test", reloader.status().source());
        }
    }

    @Test
    void anInvalidPolicyIsRefusedAndReportedAndTheOldOneStays() {
        try (GuardDriver guard = new GuardDriver(active, Clock.systemUTC(), GuardConfig.DEFAULT_MAX_RECORD_BYTES)) {
            String broken = withPottery("2026.12.27").replace("condition: author.role == 'CLINICIAN'", "condition: author.role ==");
            assertEquals(PolicyReloader.Outcome.REFUSED, reloader.offer(broken, "screening.policy-0@7"));
            guard.send(TestEvents.benign().setCaseNotes(NOTES).build());

            ScreeningDecision decision = guard.auditValues().get(0);
            assertEquals(Decision.FORWARD, decision.getDecision());
            assertEquals("2026.12.26", decision.getPolicyVersion().toString());
            PolicyReloader.Refusal refusal = reloader.status().lastRefusal();
            assertNotNull(refusal);
            assertEquals("screening.policy-0@7", refusal.source());
            assertTrue(refusal.problems().get(0).contains("rule 'provenance.clinician-author' does not compile"), refusal.problems().toString());
            assertEquals("bundled", reloader.status().source());
        }
    }

    @Test
    void aRuleThatIsNotABoolByItsTypesIsRefusedOnReload() {
        String dynRule = withPottery("2026.12.28").replace("condition: author.role == 'CLINICIAN'", "condition: author.role");
        assertEquals(PolicyReloader.Outcome.REFUSED, reloader.offer(dynRule, "screening.policy-0@8"));
        assertTrue(reloader.status().lastRefusal().problems().stream().anyMatch(p -> p.contains("not bool")),
                reloader.status().lastRefusal().problems().toString());
    }

    @Test
    void aChangedPolicyMustCarryANewVersion() {
        assertEquals(PolicyReloader.Outcome.UNCHANGED, reloader.offer(bundled, "again"));
        assertNull(reloader.status().lastRefusal());
        assertEquals(PolicyReloader.Outcome.REFUSED, reloader.offer(withPottery("2026.12.26"), "same-version"));
        assertTrue(reloader.status().lastRefusal().problems().get(0).contains("its version is still '2026.12.26'"));
        assertEquals(Policy.bundled().document(), active.policy().document(), "the policy in force did not change");
    }

    @Test
    void theFileWatcherPicksUpAnEditedFileAndRefusesABrokenOne(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("policy.yaml"), bundled);
        try (PolicyFileWatcher watcher = PolicyFileWatcher.start(file, Duration.ofMillis(50), reloader)) {
            Files.writeString(file, withPottery("2026.12.27"));
            await(() -> active.policy().version().equals("2026.12.27"), "the edited file to be in force");
            assertEquals(file.toString(), reloader.status().source());

            Files.writeString(file, "id: [not a policy");
            await(() -> reloader.status().lastRefusal() != null, "the broken file to be refused");
            assertEquals("2026.12.27", active.policy().version());

            Files.delete(file); // an editor's rename-into-place: the policy in force stays
            Thread.sleep(200);
            Files.writeString(file, withPottery("2026.12.26"));
            await(() -> active.policy().version().equals("2026.12.26"), "the file written back to be in force");
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
