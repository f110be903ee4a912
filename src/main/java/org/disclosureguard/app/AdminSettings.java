package org.disclosureguard.app;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Keeps only the settings an admin client knows (connection and security), so that it logs no unknown-config noise. */
final class AdminSettings {
    private AdminSettings() {}

    static Map<String, Object> only(Map<String, ?> settings) {
        Map<String, Object> admin = new HashMap<>();
        settings.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                admin.put(key, value);
            }
        });
        return admin;
    }
}
