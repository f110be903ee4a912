package org.disclosureguard.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsMetadata;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.cli.Main;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.embedded.JvmProcess;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.testsupport.ClusterFixture;
import org.disclosureguard.testsupport.Guards;
import org.disclosureguard.testsupport.ReviewUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover the issue saw, with a real crash: one instance in this JVM, the other a `run` process of its own,
 * killed with SIGKILL (no LeaveGroup, no commit, no clean close). Until the group notices (its session timeout, 6 s
 * here), the survivor's review answers are partial and say what is missing, a record of the dead instance's
 * partitions is a 503, never a 404; then the survivor has every partition and the answers are whole again.
 */
class ScaledOutKillIT {

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aKilledInstancesPartitionsArePartialUntilTheGroupMovesThem(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start()) {
            ClusterFixture cluster = new ClusterFixture(broker, 6);
            Path users = ReviewUsers.write(dir);
            Path config = cluster.writeRunConfig(dir.resolve("forked.properties"), dir.resolve("state-forked"));
            Files.writeString(config, GuardConfig.REVIEW_USERS_FILE + "=" + users + "\n", StandardOpenOption.APPEND);
            JvmProcess forked = JvmProcess.builder(Main.class).jvmArgs("-Xmx512m")
                    .args("run", "--config", config.toString()).logFile(dir.resolve("forked.log")).start();
            Map<String, Object> settings = cluster.appSettings(dir.resolve("state-survivor"));
            settings.put(GuardConfig.REVIEW_USERS_FILE, users.toString());
            try (forked; GuardApp survivor = Guards.start(cluster.applicationId, broker.bootstrapServers(), cluster.topics,
                    Policy.bundled(), settings)) {
                assertTrue(survivor.awaitRunning(Duration.ofSeconds(60)));
                String url = "http://localhost:" + survivor.httpPort();
                ClusterFixture.await(() -> otherOwnsReviewPartitions(survivor, cluster.topics.review()), Duration.ofSeconds(90),
                        () -> "the forked instance never joined the group: " + forked.logTail(30));
                ScaledOutReviewIT.sendTherapyNotes(broker.bootstrapServers(), cluster.topics.input());
                List<String> ids = new ArrayList<>();
                ScaledOutReviewIT.awaitCompleteList(url, ScaledOutReviewIT.RECORDS).path("records")
                        .forEach(r -> ids.add(r.path("quarantineId").asText()));

                ScaledOutReviewIT.awaitMetrics(url, ScaledOutReviewIT.RECORDS, ScaledOutReviewIT.RECORDS);

                forked.kill(); // SIGKILL
                assertFalse(forked.isAlive());
                ScaledOutReviewIT.awaitPartialThenWhole(url, ids, ScaledOutReviewIT.RECORDS, ScaledOutReviewIT.RECORDS);
            }
        }
    }

    /** Whether the group's metadata gives another instance than the survivor some review partitions. */
    private static boolean otherOwnsReviewPartitions(GuardApp survivor, String reviewTopic) {
        try {
            for (StreamsMetadata metadata : survivor.streams().metadataForAllStreamsClients()) {
                if (metadata.hostInfo().port() != survivor.httpPort()
                        && metadata.topicPartitions().stream().anyMatch(tp -> tp.topic().equals(reviewTopic))) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            return false; // not running yet
        }
        return false;
    }
}
