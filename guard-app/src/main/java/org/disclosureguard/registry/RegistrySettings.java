package org.disclosureguard.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;

/**
 * How to reach a schema registry that speaks the Confluent Schema Registry REST API (Confluent, Apicurio's
 * ccompat API, Karapace, Redpanda). The keys follow Confluent's client settings where they exist, so that an
 * integration engineer's existing values carry over. Declared in {@code GuardConfig.CONFIG_DEF} with the rest.
 */
public record RegistrySettings(String url, String userInfo, Path truststore, String truststorePassword,
                               String truststoreType, Duration requestTimeout, Duration maxWait,
                               SubjectNameStrategy subjectNameStrategy, boolean autoRegister) {
    public static final String URL = "schema.registry.url";
    public static final String BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String REQUEST_TIMEOUT_MS = "guard.registry.request.timeout.ms";
    public static final String MAX_WAIT_MS = "guard.registry.max.wait.ms";
    public static final String SUBJECT_NAME_STRATEGY = "guard.registry.subject.name.strategy";
    public static final String AUTO_REGISTER = "guard.registry.auto.register";

    /** Subject names, as Confluent's serializers derive them. */
    public enum SubjectNameStrategy {
        /** {@code <topic>-value} (Confluent's TopicNameStrategy, the default). */
        TOPIC,
        /** The record's full name (RecordNameStrategy). */
        RECORD,
        /** {@code <topic>-<record full name>} (TopicRecordNameStrategy). */
        TOPIC_RECORD;

        public String subject(String topic, org.apache.avro.Schema schema) {
            return switch (this) {
                case TOPIC -> topic + "-value";
                case RECORD -> schema.getFullName();
                case TOPIC_RECORD -> topic + "-" + schema.getFullName();
            };
        }

        static SubjectNameStrategy parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** Adds the registry settings to the guard's ConfigDef. */
    public static ConfigDef define(ConfigDef def) {
        return def
                .define(URL, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                        "Schema registry base URL for the registry wire format (a Confluent-compatible API, e.g. "
                                + "http://registry:8080/apis/ccompat/v7 for Apicurio). Required when a topic uses it.")
                .define(BASIC_AUTH_USER_INFO, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.MEDIUM,
                        "USER:PASSWORD for the registry's HTTP basic authentication (as Confluent's basic.auth.user.info).")
                .define(TRUSTSTORE_LOCATION, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                        "Truststore for an https registry URL whose certificate the JVM does not already trust.")
                .define(TRUSTSTORE_PASSWORD, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.MEDIUM,
                        "Password of the registry truststore.")
                .define(TRUSTSTORE_TYPE, ConfigDef.Type.STRING, "PKCS12", ConfigDef.Importance.LOW,
                        "Type of the registry truststore (PKCS12 or JKS).")
                .define(REQUEST_TIMEOUT_MS, ConfigDef.Type.INT, 5000, ConfigDef.Range.atLeast(100), ConfigDef.Importance.LOW,
                        "Timeout of one request to the registry, in ms.")
                .define(MAX_WAIT_MS, ConfigDef.Type.INT, 5000, ConfigDef.Range.atLeast(0), ConfigDef.Importance.MEDIUM,
                        "How long screening one record waits for an unavailable registry (retrying with back-off) before "
                                + "rejecting it with reason reject.registry-unavailable (original bytes kept for review). Keep it "
                                + "well below transaction.timeout.ms. Schemas already fetched are cached and need no registry.")
                .define(SUBJECT_NAME_STRATEGY, ConfigDef.Type.STRING, "topic",
                        ConfigDef.ValidString.in("topic", "record", "topic-record"), ConfigDef.Importance.LOW,
                        "Subject of the schemas the guard writes with: topic (<topic>-value, Confluent's default), record "
                                + "(the record's full name) or topic-record.")
                .define(AUTO_REGISTER, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.LOW,
                        "Register the output schemas at start (true), or only look them up and refuse to start if they are "
                                + "not registered (false: for registries where only administrators register schemas).");
    }

    /** Only the registry's own settings, declared once for {@link #parse}. */
    private static final ConfigDef OWN = define(new ConfigDef());

    /** The registry settings among any settings (client or guard settings, unparsed), or null when no URL is given. */
    public static RegistrySettings parse(Map<?, ?> settings) {
        return from(OWN.parse(settings));
    }

    /** The registry settings from parsed guard settings, or null when no URL is given. */
    public static RegistrySettings from(Map<String, ?> parsed) {
        String url = (String) parsed.get(URL);
        if (url == null || url.isBlank()) {
            return null;
        }
        String truststore = (String) parsed.get(TRUSTSTORE_LOCATION);
        return new RegistrySettings(url.replaceAll("/+$", ""), secret(parsed.get(BASIC_AUTH_USER_INFO)),
                truststore == null || truststore.isBlank() ? null : Path.of(truststore),
                secret(parsed.get(TRUSTSTORE_PASSWORD)), (String) parsed.get(TRUSTSTORE_TYPE),
                Duration.ofMillis((Integer) parsed.get(REQUEST_TIMEOUT_MS)), Duration.ofMillis((Integer) parsed.get(MAX_WAIT_MS)),
                SubjectNameStrategy.parse((String) parsed.get(SUBJECT_NAME_STRATEGY)), (Boolean) parsed.get(AUTO_REGISTER));
    }

    private static String secret(Object value) {
        return value instanceof Password password ? password.value() : null;
    }

    /** Secrets stay out of logs. */
    @Override
    public String toString() {
        return "registry " + url + (userInfo != null ? " (basic auth)" : "");
    }
}
