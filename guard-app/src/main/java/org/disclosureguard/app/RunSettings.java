package org.disclosureguard.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.disclosureguard.pipeline.GuardConfig;

/**
 * Where `run` gets its settings: a properties file (Kafka client and Streams properties, security included,
 * plus the guard's own {@code guard.*} keys), overridden by environment variables. An environment variable
 * {@code DG_SOME_KEY} sets the property {@code some.key} (lower case, underscores become dots), e.g.
 * {@code DG_BOOTSTRAP_SERVERS}, {@code DG_SASL_JAAS_CONFIG}, {@code DG_GUARD_TOPIC_INPUT}.
 */
public final class RunSettings {
    public static final String ENV_PREFIX = "DG_";

    private RunSettings() {}

    public static Map<String, String> load(Path file, Map<String, String> environment) throws IOException {
        Map<String, String> settings = new TreeMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name).trim()));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                settings.put(propertyName(name), value);
            }
        });
        return settings;
    }

    /** DG_BOOTSTRAP_SERVERS -> bootstrap.servers */
    public static String propertyName(String environmentVariable) {
        return environmentVariable.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** bootstrap.servers -> DG_BOOTSTRAP_SERVERS */
    public static String environmentVariable(String propertyName) {
        return ENV_PREFIX + propertyName.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The configuration reference as a Markdown table (property, environment variable, default, description),
     * generated from {@link GuardConfig#CONFIG_DEF} so that the README and the help text cannot drift from the code.
     */
    public static String referenceMarkdown() {
        StringBuilder table = new StringBuilder("| property | environment variable | default | description |\n|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : GuardConfig.CONFIG_DEF.configKeys().values()) {
            if (key.internalConfig) {
                continue;
            }
            table.append("| `").append(key.name).append("` | `")
                    .append(environmentVariable(key.name)).append("` | ")
                    .append(key.defaultValue == null || key.defaultValue.toString().isEmpty() ? "(none)" : "`" + key.defaultValue + "`")
                    .append(" | ").append(key.documentation).append(" |\n");
        }
        return table.toString();
    }
}
