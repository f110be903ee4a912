package org.disclosureguard.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.GuardStart;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;

/** Guards for integration tests, started by the same sequence as `run` and the demo ({@link GuardStart}). */
public final class Guards {
    private Guards() {}

    /**
     * Starts a guard on {@code bootstrap} screening {@code topics} (which must exist) with the test's own settings.
     *
     * @throws AssertionError when the cluster or the registry is not as the guard needs it
     */
    public static GuardApp start(String applicationId, String bootstrap, Topics topics, Policy policy, Map<String, ?> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        all.putAll(GuardConfig.topicSettings(topics));
        try {
            return GuardStart.start(all, applicationId, policy, Duration.ofSeconds(30));
        } catch (GuardStart.StartProblem e) {
            throw new AssertionError("the guard did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting the guard", e);
        }
    }
}
