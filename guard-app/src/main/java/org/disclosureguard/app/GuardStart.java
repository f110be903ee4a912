package org.disclosureguard.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.pipeline.WireFormats;
import org.disclosureguard.policy.Policy;

/**
 * The one start sequence of the guard, used by {@code run}, the demo and the integration tests: validate the
 * settings, check the cluster (while the policy compiles), prepare the registry, start screening and serve HTTP.
 * A setting that does not parse is Kafka's ConfigException and a policy that does not compile a PolicyException; a
 * cluster or registry that does not answer as needed is a {@link StartProblem}: each one clear line.
 */
public final class GuardStart {
    private GuardStart() {}

    /** A problem the user can fix before the guard can start: the cluster or the registry. */
    public static final class StartProblem extends Exception {
        private static final long serialVersionUID = 1L;

        StartProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Starts the guard with the policy in {@code policyFile} (null: the file named by {@code guard.policy.file}, or the
     * bundled policy), compiled while the cluster is checked.
     *
     * @param settings             Kafka client and Streams settings plus the guard's own ({@code bootstrap.servers} required)
     * @param defaultApplicationId the application.id when the settings give none
     */
    public static GuardApp start(Map<String, Object> settings, String defaultApplicationId, Path policyFile, Duration timeout)
            throws StartProblem, InterruptedException {
        Map<String, Object> own = new HashMap<>(settings);
        String policyPath = policyFile != null ? policyFile.toString() : parse(own).policyFile();
        if (policyPath != null) {
            own.put(GuardConfig.POLICY_FILE, policyPath); // the file a hot reload watches
        }
        return start(own, defaultApplicationId, () -> Policy.load(policyPath == null ? null : Path.of(policyPath)), timeout);
    }

    /** Starts the guard with a policy already compiled. */
    public static GuardApp start(Map<String, Object> settings, String defaultApplicationId, Policy policy, Duration timeout)
            throws StartProblem, InterruptedException {
        return start(new HashMap<>(settings), defaultApplicationId, () -> policy, timeout);
    }

    private static GuardApp start(Map<String, Object> settings, String defaultApplicationId, Supplier<Policy> policy,
                                  Duration timeout) throws StartProblem, InterruptedException {
        GuardConfig config = parse(settings);
        Object bootstrap = settings.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (bootstrap == null || String.valueOf(bootstrap).isBlank()) {
            throw new StartProblem("no Kafka cluster given: set bootstrap.servers (--bootstrap-servers, --config or "
                    + "DG_BOOTSTRAP_SERVERS)", null);
        }
        String applicationId = String.valueOf(settings.getOrDefault(StreamsConfig.APPLICATION_ID_CONFIG, defaultApplicationId));
        Topics topics = config.topics();
        List<String> required = new ArrayList<>(topics.all());
        if (!config.policyTopic().isEmpty()) {
            required.add(config.policyTopic());
        }
        // The cluster is checked while the policy compiles (seconds each, on separate cores): a restart after a
        // crash takes its partitions back that much sooner.
        Map<String, Object> clusterSettings = new HashMap<>(settings);
        CompletableFuture<Void> clusterChecked = CompletableFuture.runAsync(() -> {
            try {
                ClusterCheck.verify(clusterSettings, required, timeout);
            } catch (ClusterCheck.ClusterProblem | InterruptedException e) {
                throw new CompletionException(e);
            }
        });
        Properties properties;
        try {
            properties = GuardConfig.streamsProperties(applicationId, String.valueOf(bootstrap), topics, policy.get(), settings);
            new StreamsConfig(properties); // every Kafka Streams setting, now
            GuardConfig.fromStreamsConfig(properties).checkOutputBudget(); // every output fits the producer's request limit
        } catch (RuntimeException e) { // a setting (ConfigException) or the policy (PolicyException): said as it is
            clusterChecked.cancel(true);
            throw e;
        }
        try {
            clusterChecked.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ClusterCheck.ClusterProblem problem) {
                throw new StartProblem(problem.getMessage(), problem);
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw e;
        }
        WireFormats wireFormats;
        try {
            // The output schemas are registered now, so that a registry problem is a clear line, not a failed task.
            wireFormats = GuardApp.prepareWireFormats(properties, timeout);
        } catch (IllegalStateException e) {
            throw new StartProblem(e.getMessage(), e);
        }
        return GuardApp.start(properties, wireFormats);
    }

    /** The guard's settings, validated: a malformed one (or seal key) is a ConfigException naming it. */
    private static GuardConfig parse(Map<String, Object> settings) {
        GuardConfig config = GuardConfig.fromStreamsConfig(settings);
        config.payloadSeal();
        return config;
    }
}
