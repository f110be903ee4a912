package org.disclosureguard.it;

import static org.disclosureguard.it.ClusterFixture.assertClean;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.disclosureguard.cli.Main;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.embedded.JvmProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the screening app (a separate JVM running the production `run` command) mid-stream, then a
 * restart: exactly-once must leave no duplicate and no gap on the enforcement, review and audit topics.
 */
class AppCrashIT {
    @Test
    void crashAndRestartLosesAndDuplicatesNothing(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start()) {
            ClusterFixture cluster = new ClusterFixture(broker, 3);
            Path config = cluster.writeRunConfig(dir.resolve("guard.properties"), dir.resolve("state"));
            int events = 5000;
            EventFeeder feeder = new EventFeeder(cluster.clientSettings, cluster.topics.input(), 500, 0.01, 21, events);
            Thread feeding = new Thread(feeder, "it-feeder");
            feeding.start();

            JvmProcess first = startApp(config, dir.resolve("app-1.log"));
            try {
                cluster.awaitDecisions(1000, Duration.ofSeconds(90));
                first.kill(); // SIGKILL: no commit, no clean shutdown, an open transaction left behind
                assertFalse(first.isAlive());
            } finally {
                first.close();
            }
            long decidedAtCrash = cluster.committedDecisions();
            assertTrue(decidedAtCrash < events, "the crash must happen mid-stream (decided " + decidedAtCrash + ")");

            JvmProcess second = startApp(config, dir.resolve("app-2.log"));
            try {
                feeding.join();
                cluster.awaitDecisions(events, Duration.ofSeconds(120));
                assertTrue(second.isAlive(), "restarted app died: " + second.logTail(30));
            } finally {
                second.stop(Duration.ofSeconds(30));
                second.close();
            }
            assertClean(cluster.check(), events);
            var chain = org.disclosureguard.audit.AuditChainVerifier.verify(cluster.auditDecisions());
            assertTrue(chain.intact() && chain.unchained() == 0, "audit chain after kill -9: " + chain.summary() + " " + chain.problems());
        }
    }

    private static JvmProcess startApp(Path config, Path log) {
        return JvmProcess.builder(Main.class)
                .jvmArgs("-Xmx384m")
                .args("run", "--config", config.toString())
                .logFile(log)
                .start();
    }
}
