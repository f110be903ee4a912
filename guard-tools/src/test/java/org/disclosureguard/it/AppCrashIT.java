package org.disclosureguard.it;

import org.disclosureguard.testsupport.ClusterFixture;
import static org.disclosureguard.testsupport.ClusterFixture.assertClean;
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
import org.disclosureguard.audit.AuditChainVerifier;

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
            Thread feeding = startFeeding(cluster, 500, 21, events);
            long decidedAtCrash = killMidStream(cluster, config, dir);
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
            var chain = AuditChainVerifier.verify(cluster.auditDecisions());
            assertTrue(chain.intact() && chain.unchained() == 0, "audit chain after kill -9: " + chain.summary() + " " + chain.problems());
        }
    }

    /**
     * With a stable instance name (static membership) a restart after kill -9 takes the partitions back at once:
     * the group's session timeout here is Kafka's default 45 s, which a dynamic member would have to wait out. The
     * bound is half of that, so the test fails on the mechanism, not on a busy host; the time itself is printed and
     * reported in the README (8.6 to 10.1 s over six runs on the 2-core CI host, the restarted JVM compiling the
     * policy included).
     */
    @Test
    void aRestartAfterKillResumesWithoutWaitingOutTheSessionTimeout(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start()) {
            ClusterFixture cluster = new ClusterFixture(broker, 3);
            Path config = cluster.writeRunConfig(dir.resolve("guard.properties"), dir.resolve("state"));
            java.nio.file.Files.writeString(config, "consumer.session.timeout.ms=45000\nconsumer.heartbeat.interval.ms=3000\n"
                    + "guard.instance.name=guard-it-a\n", java.nio.file.StandardOpenOption.APPEND);
            int events = 6000;
            Thread feeding = startFeeding(cluster, 300, 23, events);
            long decidedAtCrash = killMidStream(cluster, config, dir);
            java.time.Instant restartedAt = java.time.Instant.now();
            JvmProcess second = startApp(config, dir.resolve("app-2.log"));
            try {
                cluster.awaitDecisions(decidedAtCrash + 100, Duration.ofSeconds(60));
                // When the new process made its first decision (each decision carries when it was made), not when a
                // poll of the audit topic happened to see it.
                java.time.Instant firstDecision = cluster.auditDecisions().stream().map(d -> d.getDecidedAt())
                        .filter(at -> at.isAfter(restartedAt)).min(java.util.Comparator.naturalOrder()).orElseThrow();
                double resumedAfter = Duration.between(restartedAt, firstDecision).toMillis() / 1000.0;
                System.out.printf("restart after kill -9: first decision %.1f s after the new process started%n", resumedAfter);
                assertTrue(resumedAfter < 22.5, "resumed " + resumedAfter + " s after the restart (session timeout 45 s): "
                        + second.logTail(20));
                feeding.join();
                cluster.awaitDecisions(events, Duration.ofSeconds(120));
                String log = java.nio.file.Files.readString(dir.resolve("app-2.log"));
                java.util.List<String> errors = log.lines().filter(line -> line.contains(" ERROR ")).toList();
                assertTrue(errors.isEmpty(), "a restart after a crash is an expected path: no ERROR in its log\n"
                        + String.join("\n", errors));
            } finally {
                second.stop(Duration.ofSeconds(30));
                second.close();
            }
            assertClean(cluster.check(), events);
        }
    }

    private static Thread startFeeding(ClusterFixture cluster, double rate, long seed, int events) {
        Thread feeding = new Thread(new EventFeeder(cluster.clientSettings, cluster.topics.input(), rate, 0.01, seed, events),
                "it-feeder");
        feeding.start();
        return feeding;
    }

    /** Starts the app, kills it (SIGKILL) after 1,000 decisions; returns the decisions committed by then. */
    private static long killMidStream(ClusterFixture cluster, Path config, Path dir) throws InterruptedException {
        JvmProcess first = startApp(config, dir.resolve("app-1.log"));
        try {
            try {
                cluster.awaitDecisions(1000, Duration.ofSeconds(90));
            } catch (AssertionError e) {
                // The process's own log says why it decided nothing (it is in a temporary folder that goes with the test).
                throw new AssertionError(e.getMessage() + "; the app's log ends:\n" + first.logTail(40), e);
            }
            first.kill(); // SIGKILL: no commit, no clean shutdown, an open transaction left behind
            assertFalse(first.isAlive());
        } finally {
            first.close();
        }
        return cluster.committedDecisions();
    }

    private static JvmProcess startApp(Path config, Path log) {
        return JvmProcess.builder(Main.class)
                .jvmArgs("-Xmx512m")
                .args("run", "--config", config.toString())
                .logFile(log)
                .start();
    }
}
