package org.disclosureguard.app;

import org.disclosureguard.pipeline.ClientSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Asks the cluster for its nodes with an admin client of its own, on the app's connection and security settings:
 * the cheapest request that needs a broker to answer. Kafka Streams keeps retrying through an outage and stays
 * RUNNING, so its state alone cannot tell that nothing is being decided.
 */
final class AdminClusterProbe implements HealthMonitor.ClusterProbe, AutoCloseable {
    private final Admin admin;
    private final Duration timeout;

    AdminClusterProbe(Map<?, ?> appSettings, Duration timeout) {
        this.admin = Admin.create(adminSettings(appSettings));
        this.timeout = timeout;
    }

    @Override
    public boolean reachable() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis())).nodes()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * The app's settings an admin client knows (connection, security; {@link ClientSettings#admin}, as the pre-flight
     * check uses them), "admin."-prefixed ones winning.
     */
    static Map<String, Object> adminSettings(Map<?, ?> appSettings) {
        Map<String, Object> plain = new HashMap<>();
        appSettings.forEach((key, value) -> plain.put(String.valueOf(key), value));
        Map<String, Object> settings = ClientSettings.admin(plain);
        plain.forEach((name, value) -> {
            if (name.startsWith("admin.") && AdminClientConfig.configNames().contains(name.substring(6))) {
                settings.put(name.substring(6), value);
            }
        });
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "guard-health-probe");
        return settings;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
