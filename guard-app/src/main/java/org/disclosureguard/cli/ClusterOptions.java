package org.disclosureguard.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.disclosureguard.app.RunSettings;
import picocli.CommandLine.Option;

/** How a command reaches a Kafka cluster: a properties file, DG_* environment variables, and --bootstrap-servers. */
final class ClusterOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file: Kafka client/Streams settings (security included) and guard.* settings. "
                    + "Environment variables DG_SOME_KEY override some.key.")
    Path config;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = "Kafka bootstrap servers (overrides the config).")
    String bootstrapServers;

    /** The merged settings; bootstrap.servers is only required when {@code required}. */
    Map<String, Object> settings(boolean required) throws IOException {
        Map<String, Object> settings = new HashMap<>(RunSettings.load(config, System.getenv()));
        if (bootstrapServers != null) {
            settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        if (required && !settings.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new FriendlyErrors.UserError("no Kafka cluster given: set bootstrap.servers in --config, "
                    + RunSettings.environmentVariable(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + ", or --bootstrap-servers");
        }
        return settings;
    }

}
