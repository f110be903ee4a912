package org.disclosureguard.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.GuardStart;
import org.disclosureguard.app.ParentWatchdog;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.reload.PolicyReloader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Production mode: screen the provider's topic on a real cluster until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the guard against a Kafka cluster until stopped (SIGTERM or Ctrl-C closes it cleanly).",
                "Settings: --config FILE (Kafka client and Streams properties, passed through untouched, e.g. "
                        + "security.protocol, sasl.*, ssl.*; plus guard.topic.*, guard.policy.file), overridden by "
                        + "DG_* environment variables. Exactly-once (exactly_once_v2) unless processing.guarantee says otherwise."})
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    static final String DEFAULT_APPLICATION_ID = "disclosure-guard";

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML file (overrides guard.policy.file; default: the bundled policy).")
    Path policyFile;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory (overrides state.dir).")
    Path stateDir;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long to wait for the cluster to answer before giving up (default: ${DEFAULT-VALUE}).")
    int startupTimeoutSeconds;

    @Override
    public Integer call() throws Exception {
        if (System.getProperty(ParentWatchdog.PARENT_PID_PROPERTY) != null) {
            ParentWatchdog.start(); // launched by a test or the soak runner: die with the launcher
        }
        Map<String, Object> settings = cluster.settings(true);
        if (stateDir != null) {
            settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        }
        GuardApp app = GuardStart.start(settings, DEFAULT_APPLICATION_ID, policyFile, Duration.ofSeconds(startupTimeoutSeconds));
        Topics topics = app.topics();
        PolicyReloader.Status policy = app.policyStatus();
        LOG.info("Disclosure Guard {} screening {} -> {} (review {}, audit {}) under policy {} {}",
                app.applicationId(), topics.input(), topics.enforcement(), topics.review(), topics.audit(), policy.id(), policy.version());
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping: committing and leaving the group");
            app.close(Duration.ofSeconds(30));
            closed.countDown();
        }, "guard-shutdown"));
        while (closed.getCount() > 0) {
            if (app.state() == KafkaStreams.State.ERROR) {
                LOG.error("Kafka Streams is in ERROR state; exiting");
                return FriendlyErrors.FAILURE;
            }
            Thread.sleep(500);
        }
        return 0;
    }
}
