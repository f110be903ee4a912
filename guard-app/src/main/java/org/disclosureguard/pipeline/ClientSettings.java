package org.disclosureguard.pipeline;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client settings derived from the guard's merged settings (connection and security included): each client gets
 * only the keys it knows, so that it logs no unknown-config noise, plus what its role needs.
 */
public final class ClientSettings {
    private ClientSettings() {}

    public static Map<String, Object> admin(Map<String, ?> settings) {
        return only(settings, AdminClientConfig.configNames().toArray(String[]::new), Map.of());
    }

    /** A group-less reader that sees committed records only, as a downstream consumer would. */
    public static Map<String, Object> committedReader(Map<String, ?> settings) {
        return only(settings, ConsumerConfig.configNames().toArray(String[]::new), Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }

    /** An idempotent producer with acks=all, as a provider's system would use. */
    public static Map<String, Object> idempotentProducer(Map<String, ?> settings) {
        return only(settings, ProducerConfig.configNames().toArray(String[]::new), Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    private static Map<String, Object> only(Map<String, ?> settings, String[] known, Map<String, Object> role) {
        Map<String, Object> result = new HashMap<>();
        for (String key : known) {
            if (settings.containsKey(key)) {
                result.put(key, settings.get(key));
            }
        }
        result.remove(ConsumerConfig.GROUP_ID_CONFIG);
        result.putAll(role);
        return result;
    }
}
