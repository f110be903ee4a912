package org.disclosureguard.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.ScreeningTopology;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.screen.Screener;
import org.disclosureguard.policy.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screening topology running on a Kafka cluster: the one place that creates and starts KafkaStreams, for
 * `run`, `demo` and the integration tests alike.
 */
public final class GuardApp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GuardApp.class);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);

    private GuardApp(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Starts the app; {@code streamsProperties} come from {@link org.disclosureguard.pipeline.GuardConfig#streamsProperties}. */
    public static GuardApp start(Policy policy, Topics topics, Properties streamsProperties) {
        int maxRecordBytes = GuardConfig.fromStreamsConfig(streamsProperties).maxRecordBytes();
        KafkaStreams streams = new KafkaStreams(
                ScreeningTopology.build(new Screener(policy), topics, Clock.systemUTC(), maxRecordBytes), streamsProperties);
        GuardApp app = new GuardApp(streams);
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                app.running.countDown();
            }
        });
        // Record-level failures are handled in the topology (they hold the record). What reaches this handler
        // is a thread-level failure; a fresh thread resumes from the last committed transaction.
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("Stream thread failed ({}: {}); replacing it", exception.getClass().getName(), exception.getMessage());
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return app;
    }

    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Stops processing, commits and leaves the group. */
    public void close(Duration timeout) {
        streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
