package org.disclosureguard.it;

import org.disclosureguard.testsupport.ClusterFixture;
import static org.disclosureguard.testsupport.ClusterFixture.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.ForkedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker is killed (kill -9) and restarted mid-stream: the app recovers by itself and the invariants hold. */
class BrokerRestartIT {
    @Test
    void appRecoversFromABrokerCrashWithoutLossOrDuplicates(@TempDir Path dir) throws Exception {
        try (ForkedKafka broker = ForkedKafka.start(dir.resolve("broker"))) {
            ClusterFixture cluster = new ClusterFixture(broker, 3);
            int events = 4000;
            EventFeeder feeder = new EventFeeder(cluster.clientSettings, cluster.topics.input(), 400, 0.01, 31, events);
            Thread feeding = new Thread(feeder, "it-feeder");
            try (GuardApp app = cluster.startApp(dir.resolve("state"))) {
                feeding.start();
                cluster.awaitDecisions(800, Duration.ofSeconds(90));
                ClusterFixture.await(() -> ClusterFixture.httpStatus(app, "/health/ready") == 200, Duration.ofSeconds(30),
                        () -> "ready before the outage");
                broker.kill();
                // Kafka Streams stays RUNNING through an outage, retrying; readiness must say the truth.
                ClusterFixture.await(() -> ClusterFixture.httpStatus(app, "/health/ready") == 503, Duration.ofSeconds(20),
                        () -> "readiness during the outage: " + ClusterFixture.httpStatus(app, "/health/ready"));
                assertEquals(200, ClusterFixture.httpStatus(app, "/health/live"), "an outage is no reason to restart the app");
                broker.restart();
                feeding.join();
                cluster.awaitDecisions(events, Duration.ofSeconds(180));
                ClusterFixture.await(() -> app.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(60),
                        () -> "app state " + app.state());
                ClusterFixture.await(() -> ClusterFixture.httpStatus(app, "/health/ready") == 200, Duration.ofSeconds(30),
                        () -> "ready again after the outage");
                assertTrue(app.state().isRunningOrRebalancing(), "the app is alive (state " + app.state() + ")");
            }
            assertClean(cluster.check(), events);
        }
    }
}
