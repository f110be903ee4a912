package org.disclosureguard.app;

import org.disclosureguard.pipeline.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
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
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

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

    private static ClusterProblem noAnswer(String bootstrap, Duration timeout, String protocol) {
        return new ClusterProblem("the Kafka cluster at " + bootstrap + " did not answer within " + timeout.toSeconds()
                + " s (check bootstrap.servers, and that the listener there expects security.protocol=" + protocol + ")");
    }

    public static void verify(Map<String, Object> clientSettings, Collection<String> requiredTopics, Duration timeout)
            throws ClusterProblem, InterruptedException {
        Map<String, Object> settings = new java.util.HashMap<>(clientSettings);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        String bootstrap = String.valueOf(settings.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        String protocol = String.valueOf(settings.getOrDefault(AdminClientConfig.SECURITY_PROTOCOL_CONFIG,
                AdminClientConfig.DEFAULT_SECURITY_PROTOCOL));
        Admin created;
        try {
            created = Admin.create(ClientSettings.admin(settings));
        } catch (ConfigException e) {
            throw e; // already one clear line, naming the setting
        } catch (KafkaException e) {
            // E.g. a truststore that is missing or has another password: the client loads it when it is created.
            throw new ClusterProblem("cannot create a Kafka client from the settings (check ssl.*, sasl.*): " + messages(e));
        }
        try (Admin admin = created) {
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
                            + " (create them with the `topics` command"
                            + ("PLAINTEXT".equalsIgnoreCase(protocol) ? "" : "; if they do exist, the guard's "
                                    + "principal may lack Describe on them: see the ACLs `topics` prints") + ")");
                }
            } catch (TimeoutException e) {
                throw noAnswer(bootstrap, timeout, protocol);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                // The admin client may give up on its own timeout before ours: the same "no answer".
                if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw noAnswer(bootstrap, timeout, protocol);
                }
                if (cause instanceof SslAuthenticationException) {
                    throw new ClusterProblem("TLS handshake with the Kafka cluster at " + bootstrap + " failed: check "
                            + "ssl.truststore.* (the CA of the brokers' certificates) and that their certificates name "
                            + "the hosts in bootstrap.servers (" + messages(cause) + ")");
                }
                if (cause instanceof AuthenticationException) {
                    throw new ClusterProblem("authentication failed at " + bootstrap + ": check the user and password "
                            + "in sasl.jaas.config (and sasl.mechanism=" + settings.getOrDefault(SaslConfigs.SASL_MECHANISM,
                                    SaslConfigs.DEFAULT_SASL_MECHANISM) + "): " + messages(cause));
                }
                if (cause instanceof AuthorizationException) {
                    throw new ClusterProblem("not authorized on the Kafka cluster at " + bootstrap + ": grant the "
                            + "guard's principal the ACLs `topics` prints (" + messages(cause) + ")");
                }
                throw new ClusterProblem("cannot use the Kafka cluster at " + bootstrap + ": "
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
    }

    /** The distinct messages along a cause chain, in one line (the outermost is often a bare "SSL handshake failed"). */
    private static String messages(Throwable e) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = e; t != null && messages.size() < 4; t = t.getCause()) {
            // Without embedded class names ("...: org.apache.kafka.common.KafkaException: Failed to load ...").
            String message = t.getMessage() == null ? "" : t.getMessage().replaceAll("\\s+", " ")
                    .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ", "").trim();
            // A wrapper's message often repeats its cause's.
            if (!message.isEmpty() && messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
        }
        return messages.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", messages);
    }
}
