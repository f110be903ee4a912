package org.disclosureguard.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/**
 * Checks before starting that the cluster answers and the topics exist, so that `run` fails at once with a
 * clear message instead of retrying forever in the background.
 */
public final class ClusterCheck {
    /** The cluster did not answer, or a topic the guard needs is missing. */
    public static final class ClusterProblem extends Exception {
        private static final long serialVersionUID = 1L;

        public ClusterProblem(String message) {
            super(message);
        }
    }

    private ClusterCheck() {}

    private static ClusterProblem noAnswer(String bootstrap, Duration timeout) {
        return new ClusterProblem("the Kafka cluster at " + bootstrap + " did not answer within " + timeout.toSeconds() + " s");
    }

    public static void verify(Map<String, Object> clientSettings, Collection<String> requiredTopics, Duration timeout)
            throws ClusterProblem, InterruptedException {
        Map<String, Object> settings = new java.util.HashMap<>(clientSettings);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        try (Admin admin = Admin.create(ClientSettings.admin(settings))) {
            String bootstrap = String.valueOf(settings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
            try {
                admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                        .clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeout.toMillis()))
                        .names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                List<String> missing = new ArrayList<>();
                for (String topic : requiredTopics) {
                    if (!existing.contains(topic)) {
                        missing.add(topic);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new ClusterProblem("missing topics " + missing + " on " + bootstrap
                            + " (create them with the `topics` command)");
                }
            } catch (TimeoutException e) {
                throw noAnswer(bootstrap, timeout);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                // The admin client may give up on its own timeout before ours: the same "no answer".
                if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw noAnswer(bootstrap, timeout);
                }
                throw new ClusterProblem("cannot use the Kafka cluster at " + bootstrap + ": "
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
    }
}
