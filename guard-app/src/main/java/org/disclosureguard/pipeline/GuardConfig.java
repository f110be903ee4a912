package org.disclosureguard.pipeline;

import java.nio.file.Path;
import org.disclosureguard.http.HttpSettings;
import org.disclosureguard.http.PeerClient;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.registry.RegistrySettings;

/**
 * The guard's own settings, declared once with their docs (Kafka's {@link ConfigDef}), so that help texts and the
 * configuration reference come from one place, and parsed once into typed getters (Kafka's {@link AbstractConfig}
 * pattern). They travel inside the Kafka Streams properties beside Kafka's own.
 */
public final class GuardConfig extends AbstractConfig {
    public static final String TOPIC_INPUT = "guard.topic.input";
    public static final String TOPIC_ENFORCEMENT = "guard.topic.enforcement";
    public static final String TOPIC_REVIEW = "guard.topic.review";
    public static final String TOPIC_AUDIT = "guard.topic.audit";
    public static final String TOPIC_METRICS = "guard.topic.metrics";
    public static final String TOPIC_REVIEW_COMMANDS = "guard.topic.review.commands";
    public static final String TOPIC_REVIEW_DECISIONS = "guard.topic.review.decisions";
    public static final String TOPIC_DEAD_LETTER = "guard.topic.dead.letter";
    public static final String REVIEW_FOUR_EYES = "guard.review.four.eyes";
    public static final String REVIEW_USERS_FILE = "guard.review.users.file";
    public static final String POLICY_FILE = "guard.policy.file";
    public static final String MAX_RECORD_BYTES = "guard.max.record.bytes";
    /** 896 KB: with {@link #REVIEW_OVERHEAD_BYTES} a held record's store entry is at most the producer's default 1 MB. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1_048_576 - 128 * 1024;
    public static final String HTTP_PORT = "guard.http.port";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String HTTP_BIND_ADDRESS = "guard.http.bind.address";
    public static final String HTTP_PLAIN_ALLOWED = "guard.http.plain.allowed";
    public static final String HTTP_METRICS_AUTH = "guard.http.metrics.auth";
    public static final String HTTP_TLS_KEYSTORE_FILE = "guard.http.tls.keystore.file";
    public static final String HTTP_TLS_KEYSTORE_PASSWORD = "guard.http.tls.keystore.password";
    public static final String HTTP_TLS_KEYSTORE_TYPE = "guard.http.tls.keystore.type";
    public static final String HTTP_TLS_TRUSTSTORE_FILE = "guard.http.tls.truststore.file";
    public static final String HTTP_TLS_TRUSTSTORE_PASSWORD = "guard.http.tls.truststore.password";
    public static final String HTTP_IDLE_TIMEOUT_MS = "guard.http.idle.timeout.ms";
    public static final String HTTP_MAX_REQUEST_BYTES = "guard.http.max.request.bytes";
    public static final String HTTP_THREADS = "guard.http.threads";
    public static final String POLICY_TOPIC = "guard.policy.topic";
    public static final String POLICY_WATCH_MS = "guard.policy.watch.ms";
    public static final String HEALTH_CLUSTER_TIMEOUT_MS = "guard.health.cluster.timeout.ms";
    public static final String METRICS_MAX_LABEL_VALUES = "guard.metrics.max.label.values";
    public static final int DEFAULT_METRICS_MAX_LABEL_VALUES = 500;
    public static final String INSTANCE_NAME = "guard.instance.name";
    public static final String ROCKSDB_MEMORY_BYTES = "guard.rocksdb.memory.bytes";
    public static final long DEFAULT_ROCKSDB_MEMORY_BYTES = 64L * 1024 * 1024;
    public static final String HEALTH_THREAD_REPLACEMENTS = "guard.health.thread.replacements";
    public static final String HEALTH_THREAD_WINDOW_MS = "guard.health.thread.window.ms";
    public static final String HEALTH_STALL_MS = "guard.health.stall.ms";
    /**
     * The {@link ProcessorParts} of the app, for the one component Kafka Streams instantiates from a class name (the
     * processing exception handler): Kafka hands it the original properties, objects included. Not for users.
     */
    public static final String PARTS = "guard.internal.processor.parts";
    public static final String METRICS_ENABLED = "guard.metrics.enabled";
    public static final String METRICS_GRACE_MS = "guard.metrics.grace.ms";
    public static final String METRICS_RETENTION_PREFIX = "guard.metrics.retention.";
    public static final String REVIEW_SEAL_KEY = "guard.review.seal.key";
    public static final String REVIEW_SEAL_PREVIOUS_KEYS = "guard.review.seal.previous.keys";
    public static final String WIRE_FORMAT = "guard.wire.format";
    public static final String WIRE_FORMAT_INPUT = "guard.wire.format.input";
    public static final String WIRE_FORMAT_ENFORCEMENT = "guard.wire.format.enforcement";

    public static final ConfigDef CONFIG_DEF = RegistrySettings.define(new ConfigDef()
            .define(TOPIC_INPUT, ConfigDef.Type.STRING, Topics.DEFAULT_INPUT, ConfigDef.Importance.HIGH,
                    "Topic the provider writes case-record events to (CaseRecordEvent, key caseId).")
            .define(TOPIC_ENFORCEMENT, ConfigDef.Type.STRING, Topics.DEFAULT_ENFORCEMENT, ConfigDef.Importance.HIGH,
                    "Enforcement-facing topic: only screened, projected EnforcementCaseEvent records. The guard must be its only writer.")
            .define(TOPIC_REVIEW, ConfigDef.Type.STRING, Topics.DEFAULT_REVIEW, ConfigDef.Importance.HIGH,
                    "Review (quarantine) topic: held and rejected records with their reasons. As sensitive as the input.")
            .define(TOPIC_AUDIT, ConfigDef.Type.STRING, Topics.DEFAULT_AUDIT, ConfigDef.Importance.HIGH,
                    "Audit topic: one ScreeningDecision per input record, without sensitive values.")
            .define(TOPIC_METRICS, ConfigDef.Type.STRING, Topics.DEFAULT_METRICS, ConfigDef.Importance.MEDIUM,
                    "Windowed counts of decisions by rule, dropped field, facility, event type and information source (JSON), "
                            + "for other systems to build on. Counts and identifiers only, never content.")
            .define(TOPIC_REVIEW_COMMANDS, ConfigDef.Type.STRING, Topics.DEFAULT_REVIEW_COMMANDS, ConfigDef.Importance.MEDIUM,
                    "Reviewers' commands (JSON, key: quarantine id), written by the review API. Must have as many partitions "
                            + "as the review topic.")
            .define(TOPIC_REVIEW_DECISIONS, ConfigDef.Type.STRING, Topics.DEFAULT_REVIEW_DECISIONS, ConfigDef.Importance.MEDIUM,
                    "Append-only log of review decisions and views (JSON, key: quarantine id): who did what to which record, "
                            + "when and why; never record text. The review state is derived from it.")
            .define(TOPIC_DEAD_LETTER, ConfigDef.Type.STRING, Topics.DEFAULT_DEAD_LETTER, ConfigDef.Importance.MEDIUM,
                    "Records the review workflow or the dashboards failed on (review records, reviewers' commands, audit "
                            + "decisions), with their original bytes, their coordinates and the exception's class in __guard.* "
                            + "headers, never its message. As sensitive as the review topic. The screening never writes here: "
                            + "an input it fails on is held for review with its decision.")
            .define(REVIEW_USERS_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "Reviewers, auditors and admins of the review API (YAML; salted PBKDF2 hashes; `user-add` writes it). "
                            + "Empty: no review API (quarantined records can be reviewed by nobody through this app).")
            .define(REVIEW_FOUR_EYES, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                    "Four eyes: a release (redacted or false positive) takes effect only when a second, different reviewer approves it.")
            .define(POLICY_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "Screening policy YAML file. Empty: the policy bundled in the jar. The --policy option overrides it.")
            .define(MAX_RECORD_BYTES, ConfigDef.Type.INT, DEFAULT_MAX_RECORD_BYTES, ConfigDef.Range.atLeast(1024),
                    ConfigDef.Importance.MEDIUM, "Largest input record (value, key and headers together, in bytes) the guard "
                            + "screens. A larger one is rejected with reason reject.oversized, without being decoded or copied to "
                            + "the review topic. With 128 KB for reasons and review state it must fit the producer's max.request.size "
                            + "(1 MB by default), or the guard refuses to start.")
            .define(POLICY_TOPIC, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "Compacted topic of policy versions (YAML text, key: id@version) for hot reload, e.g. screening.policy. "
                            + "Every instance reads it from the beginning before it starts screening, then follows it: a new valid "
                            + "version takes effect between two records without a restart; an invalid one is refused and reported, "
                            + "and the policy in force stays. `publish-policy` validates and writes a version. Empty: no topic.")
            .define(POLICY_WATCH_MS, ConfigDef.Type.LONG, 0L, ConfigDef.Range.atLeast(0), ConfigDef.Importance.MEDIUM,
                    "Hot reload from the file: check guard.policy.file for changes every this many ms, with the same "
                            + "validation as the topic. 0: never (the file is read once at start). With several instances, prefer "
                            + "the topic: every instance then sees the same versions.")
            .define(HTTP_PORT, ConfigDef.Type.INT, DEFAULT_HTTP_PORT, ConfigDef.Range.between(-1, 65535), ConfigDef.Importance.MEDIUM,
                    "Port of the app's HTTP endpoints: /health/live, /health/ready (200 once Kafka Streams is RUNNING and the "
                            + "cluster answers), /health (every check, with why) and "
                            + "/policy (the version in force and the last refused one). 0: any free port; -1: no HTTP server.")
            .define(HTTP_BIND_ADDRESS, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "Interface the HTTP server listens on. Empty: every interface with TLS (or with guard.http.plain.allowed), "
                            + "else the loopback interface only. Plain HTTP on another address is refused at start unless allowed: "
                            + "sign-in passwords and review data would cross the network in clear.")
            .define(HTTP_METRICS_AUTH, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                    "Ask for credentials on /metrics, /dashboard and /api/metrics: HTTP Basic, a user of guard.review.users.file "
                            + "whose role reads metrics (metrics, auditor or admin; `user-add --role metrics` for a Prometheus "
                            + "scraper). The group's instances ask each other with the peer token derived from that file. False: "
                            + "whoever reaches the port reads the counts (never record text, but facility ids and what each holds).")
            .define(HTTP_PLAIN_ALLOWED, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.MEDIUM,
                    "Serve plain HTTP on addresses other hosts reach: only behind a TLS-terminating proxy on the same host or "
                            + "network segment. Console cookies are Secure, so browsers sign in only over HTTPS or on localhost.")
            .define(HTTP_TLS_KEYSTORE_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.HIGH,
                    "Key store (PKCS12 or JKS) with the server's certificate and key: the HTTP endpoints then speak HTTPS only, "
                            + "and the instances call each other over HTTPS. Empty: plain HTTP.")
            .define(HTTP_TLS_KEYSTORE_PASSWORD, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.HIGH,
                    "Password of guard.http.tls.keystore.file (and of its key).")
            .define(HTTP_TLS_KEYSTORE_TYPE, ConfigDef.Type.STRING, "PKCS12", ConfigDef.ValidString.in("PKCS12", "JKS"),
                    ConfigDef.Importance.LOW, "Type of guard.http.tls.keystore.file.")
            .define(HTTP_TLS_TRUSTSTORE_FILE, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "Trust store (PKCS12) the instances check each other's certificates against when they call each other "
                            + "(review and dashboard answers for the whole group). Empty: the JVM's default trust store.")
            .define(HTTP_TLS_TRUSTSTORE_PASSWORD, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.MEDIUM,
                    "Password of guard.http.tls.truststore.file.")
            .define(HTTP_IDLE_TIMEOUT_MS, ConfigDef.Type.LONG, HttpSettings.DEFAULT_IDLE_TIMEOUT.toMillis(),
                    ConfigDef.Range.between(1_000L, 600_000L), ConfigDef.Importance.LOW,
                    "An HTTP connection that sends nothing for this long is closed. A slow or silent client holds no request "
                            + "thread meanwhile, so it cannot starve health checks.")
            .define(HTTP_MAX_REQUEST_BYTES, ConfigDef.Type.LONG, HttpSettings.DEFAULT_MAX_REQUEST_BYTES,
                    ConfigDef.Range.between(1024L, 64L * 1024 * 1024), ConfigDef.Importance.LOW,
                    "Largest HTTP request body; a larger one is answered 413 unread. Review decisions are further limited to 64 KB.")
            .define(HTTP_THREADS, ConfigDef.Type.INT, HttpSettings.DEFAULT_MAX_THREADS, ConfigDef.Range.between(8, 1024),
                    ConfigDef.Importance.LOW, "Request threads of the HTTP server; requests beyond them wait in its queue.")
            .define(ROCKSDB_MEMORY_BYTES, ConfigDef.Type.LONG, DEFAULT_ROCKSDB_MEMORY_BYTES, ConfigDef.Range.atLeast(16L * 1024 * 1024),
                    ConfigDef.Importance.MEDIUM, "Off-heap memory all RocksDB stores of the instance share (block cache, "
                            + "indexes, filters and memtables, through one cache and a write buffer manager; half of it for "
                            + "memtables). Resident memory is about the JVM heap plus this plus the JVM's own overhead. A "
                            + "rocksdb.config.setter of your own replaces this bound.")
            .define(INSTANCE_NAME, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "A name for this instance that stays the same across its restarts and differs from every other "
                            + "instance's (a StatefulSet pod name, a host name). Set: static group membership (the consumers' "
                            + "group.instance.id), so that an instance restarted after a crash takes its partitions back at once "
                            + "instead of waiting out the session timeout of the member that died. Empty: dynamic membership.")
            .define(METRICS_MAX_LABEL_VALUES, ConfigDef.Type.INT, DEFAULT_METRICS_MAX_LABEL_VALUES, ConfigDef.Range.between(1, 100_000),
                    ConfigDef.Importance.LOW,
                    "At most this many distinct values of a Prometheus label that comes from the input or from reviewers "
                            + "(guard_facility_blocks_total's facility, guard_review_false_positive_terms_total's term), per "
                            + "instance; later values count under 'other', and a value that is no identifier (over 64 chars, or "
                            + "characters an id does not have) under 'invalid'. Bounds the series a producer's data can make.")
            .define(HEALTH_CLUSTER_TIMEOUT_MS, ConfigDef.Type.LONG, 30_000L, ConfigDef.Range.atLeast(1_000), ConfigDef.Importance.MEDIUM,
                    "Readiness (/health/ready) goes 503 when the app has not reached the Kafka cluster for this long (it asks "
                            + "the cluster for its nodes every few seconds), and 200 again once it does.")
            .define(HEALTH_THREAD_REPLACEMENTS, ConfigDef.Type.INT, 3, ConfigDef.Range.atLeast(1), ConfigDef.Importance.MEDIUM,
                    "A crash loop: when stream threads were replaced more than this many times within "
                            + "guard.health.thread.window.ms, liveness and readiness go 503, so that an orchestrator restarts the "
                            + "instance and alerts.")
            .define(HEALTH_THREAD_WINDOW_MS, ConfigDef.Type.LONG, 300_000L, ConfigDef.Range.atLeast(1_000), ConfigDef.Importance.LOW,
                    "The window guard.health.thread.replacements counts in.")
            .define(HEALTH_STALL_MS, ConfigDef.Type.LONG, 120_000L, ConfigDef.Range.atLeast(1_000), ConfigDef.Importance.LOW,
                    "Readiness goes 503 when input is waiting (consumer lag) and no record was decided for this long: a "
                            + "partition that does not advance.")
            .define(REVIEW_SEAL_KEY, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.HIGH,
                    "KEY_ID:BASE64_KEY (256 bits; `seal-key` makes one). Set: the original key and value of every held or "
                            + "rejected record are sealed with AES-256-GCM before they reach the review topic, the key id in header "
                            + "__guard.seal.key.id, and the input's headers are not copied. Unset: payloads are in the clear and the "
                            + "review topic is exactly as sensitive as the input (a warning is logged at start). Give it through "
                            + "the environment (DG_GUARD_REVIEW_SEAL_KEY), not a file.")
            .define(REVIEW_SEAL_PREVIOUS_KEYS, ConfigDef.Type.PASSWORD, null, ConfigDef.Importance.MEDIUM,
                    "Earlier seal keys, KEY_ID:BASE64_KEY,...: after a rotation, records sealed with them stay readable to "
                            + "reviewers. New records are always sealed with guard.review.seal.key.")
            .define(METRICS_ENABLED, ConfigDef.Type.BOOLEAN, true, ConfigDef.Importance.MEDIUM,
                    "Count decisions for the dashboards: the app reads the audit topic back and keeps windowed counts (per "
                            + "minute, hour and day) by decision, rule, dropped field, facility, event type and information source, "
                            + "served at /api/metrics and /dashboard and written to guard.topic.metrics.")
            .define(METRICS_GRACE_MS, ConfigDef.Type.LONG, 5 * 60_000L, ConfigDef.Range.atLeast(0), ConfigDef.Importance.LOW,
                    "How late (by record timestamp) a decision may arrive and still count in its window.")
            .define(METRICS_RETENTION_PREFIX + "minute.ms", ConfigDef.Type.LONG, 3 * 3_600_000L, ConfigDef.Range.atLeast(60_000),
                    ConfigDef.Importance.LOW, "How long per-minute counts are kept (the 15 min and 1 h views).")
            .define(METRICS_RETENTION_PREFIX + "hour.ms", ConfigDef.Type.LONG, 3 * 86_400_000L, ConfigDef.Range.atLeast(3_600_000),
                    ConfigDef.Importance.LOW, "How long per-hour counts are kept (the 24 h view).")
            .define(METRICS_RETENTION_PREFIX + "day.ms", ConfigDef.Type.LONG, 35 * 86_400_000L, ConfigDef.Range.atLeast(86_400_000),
                    ConfigDef.Importance.LOW, "How long per-day counts are kept (the 7 d view and beyond).")
            .define(WIRE_FORMAT, ConfigDef.Type.STRING, "single-object", ConfigDef.ValidString.in("single-object", "registry"),
                    ConfigDef.Importance.HIGH, "Wire format of every topic: single-object (Avro single-object encoding, no registry "
                            + "needed) or registry (Confluent's framing: magic byte 0, a 4-byte schema id from schema.registry.url, "
                            + "the Avro body). The two settings below override it for the input and the enforcement topic.")
            .define(WIRE_FORMAT_INPUT, ConfigDef.Type.STRING, "", ConfigDef.ValidString.in("", "single-object", "registry"),
                    ConfigDef.Importance.MEDIUM, "Wire format of the input topic (what the provider's producers write). Empty: guard.wire.format.")
            .define(WIRE_FORMAT_ENFORCEMENT, ConfigDef.Type.STRING, "", ConfigDef.ValidString.in("", "single-object", "registry"),
                    ConfigDef.Importance.MEDIUM, "Wire format of the enforcement topic (what the agency's consumers read). Empty: guard.wire.format."));

    private final Topics topics;

    /** Parses and validates the guard's settings among {@code settings} (other keys are Kafka's, and left alone). */
    public GuardConfig(Map<?, ?> settings) {
        super(CONFIG_DEF, settings, false);
        this.topics = new Topics(getString(TOPIC_INPUT), getString(TOPIC_ENFORCEMENT), getString(TOPIC_REVIEW),
                getString(TOPIC_AUDIT), getString(TOPIC_METRICS), getString(TOPIC_REVIEW_COMMANDS),
                getString(TOPIC_REVIEW_DECISIONS), getString(TOPIC_DEAD_LETTER));
    }

    public static GuardConfig fromStreamsConfig(Map<?, ?> configs) {
        return new GuardConfig(configs);
    }

    public Topics topics() {
        return topics;
    }

    /** Largest input record the guard screens (value, key and headers together). */
    public int maxRecordBytes() {
        return getInt(MAX_RECORD_BYTES);
    }

    /** How many distinct values a Prometheus label fed by the input or by reviewers may take (GuardMeters). */
    public int metricsMaxLabelValues() {
        return getInt(METRICS_MAX_LABEL_VALUES);
    }

    /** Port of the HTTP endpoints: 0 any free port, -1 none. */
    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    /** How the HTTP server listens (address, TLS, limits). */
    public HttpSettings httpSettings() {
        String keyStore = getString(HTTP_TLS_KEYSTORE_FILE);
        var password = getPassword(HTTP_TLS_KEYSTORE_PASSWORD);
        return new HttpSettings(httpPort(), getString(HTTP_BIND_ADDRESS), getBoolean(HTTP_PLAIN_ALLOWED),
                keyStore.isBlank() ? null : Path.of(keyStore), password == null ? null : password.value(),
                getString(HTTP_TLS_KEYSTORE_TYPE), Duration.ofMillis(getLong(HTTP_IDLE_TIMEOUT_MS)),
                getLong(HTTP_MAX_REQUEST_BYTES), getInt(HTTP_THREADS));
    }

    /** How this instance calls the others (the scheme follows TLS; the trust store checks their certificates). */
    public PeerClient peerClient() {
        String trustStore = getString(HTTP_TLS_TRUSTSTORE_FILE);
        var password = getPassword(HTTP_TLS_TRUSTSTORE_PASSWORD);
        return PeerClient.of(httpSettings().tls(), trustStore.isBlank() ? null : Path.of(trustStore),
                password == null ? null : password.value());
    }

    /** The compacted topic of policy versions, or "" for none. */
    public String policyTopic() {
        return getString(POLICY_TOPIC);
    }

    /** How often the policy file is checked for changes, in ms; 0: never. */
    public long policyWatchMs() {
        return getLong(POLICY_WATCH_MS);
    }

    /** The policy file named in the settings, or null for the bundled policy. */
    public String policyFile() {
        String file = getString(POLICY_FILE);
        return file == null || file.isBlank() ? null : file;
    }

    /** The review users file, or "" when there is no review API. */
    public String reviewUsersFile() {
        return getString(REVIEW_USERS_FILE);
    }

    /**
     * Every topic name as its setting, for settings maps and properties files: one place, so that a settings file
     * written for `run` names the same topics the app is built with.
     */
    public static Map<String, String> topicSettings(Topics topics) {
        return Map.of(TOPIC_INPUT, topics.input(), TOPIC_ENFORCEMENT, topics.enforcement(), TOPIC_REVIEW, topics.review(),
                TOPIC_AUDIT, topics.audit(), TOPIC_METRICS, topics.metrics(), TOPIC_REVIEW_COMMANDS, topics.reviewCommands(),
                TOPIC_REVIEW_DECISIONS, topics.reviewDecisions(), TOPIC_DEAD_LETTER, topics.deadLetter());
    }

    /** The review payload seal, or null when no key is configured. */
    public PayloadSeal payloadSeal() {
        Password key = getPassword(REVIEW_SEAL_KEY);
        if (key == null) {
            return null;
        }
        Password previous = getPassword(REVIEW_SEAL_PREVIOUS_KEYS);
        return PayloadSeal.of(key.value(), previous == null ? null : previous.value(), REVIEW_SEAL_KEY, REVIEW_SEAL_PREVIOUS_KEYS);
    }

    /**
     * Room a quarantine-store entry takes beyond the input it copies: up to 10 reasons of at most 800 chars a text,
     * identifiers cut to 256 chars, coordinates, the seal's nonce and tag, and the entry's state with its last 10
     * events (justifications of at most 1,000 chars, at most 100 cuts).
     */
    public static final int REVIEW_OVERHEAD_BYTES = 1_048_576 - DEFAULT_MAX_RECORD_BYTES;

    /**
     * Refuses a size limit that an output could not keep: every record the guard writes for an accepted input
     * (review record, store entry) must fit the producer's request limit, or the stream thread fails on it forever.
     */
    public void checkOutputBudget() {
        Map<String, Object> configs = originals();
        int maxRecordBytes = maxRecordBytes();
        Object request = configs.get(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        if (request == null) {
            request = configs.get(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        long maxRequest = request == null ? 1_048_576L : Long.parseLong(String.valueOf(request).strip());
        if ((long) maxRecordBytes + REVIEW_OVERHEAD_BYTES > maxRequest) {
            throw new org.apache.kafka.common.config.ConfigException(MAX_RECORD_BYTES, maxRecordBytes,
                    "a held record of that size would make a review record of up to " + (maxRecordBytes + REVIEW_OVERHEAD_BYTES)
                            + " bytes, over the producer's max.request.size of " + maxRequest + ": lower " + MAX_RECORD_BYTES
                            + " or raise producer.max.request.size (and max.message.bytes of the review topic and the "
                            + "changelog topics to match)");
        }
    }

    /** What the health endpoints check against: how long the cluster may be out of reach, what a crash loop is. */
    public record HealthSettings(Duration clusterTimeout, int threadReplacements, Duration threadWindow, Duration stallTimeout) {}

    public HealthSettings healthSettings() {
        return new HealthSettings(Duration.ofMillis(getLong(HEALTH_CLUSTER_TIMEOUT_MS)), getInt(HEALTH_THREAD_REPLACEMENTS),
                Duration.ofMillis(getLong(HEALTH_THREAD_WINDOW_MS)), Duration.ofMillis(getLong(HEALTH_STALL_MS)));
    }

    /** Whether releases need a second reviewer's approval. */
    /** Whether the metrics and dashboards ask for credentials ({@link #HTTP_METRICS_AUTH}). */
    public boolean httpMetricsAuth() {
        return getBoolean(HTTP_METRICS_AUTH);
    }

    public boolean reviewFourEyes() {
        return getBoolean(REVIEW_FOUR_EYES);
    }

    /** The processors' parts, as put in the properties by {@link #streamsProperties} (and the app, once prepared). */
    public static ProcessorParts parts(Map<?, ?> configs) {
        if (configs.get(PARTS) instanceof ProcessorParts parts) {
            return parts;
        }
        throw new org.apache.kafka.common.config.ConfigException(PARTS, configs.get(PARTS),
                "the guard's Kafka Streams properties must come from GuardConfig.streamsProperties");
    }

    /**
     * Kafka Streams properties for the screening app: exactly-once v2 and the quarantining exception handler by
     * default; {@code overrides} (user settings, security included) win over the defaults, except the handler.
     */
    public static Properties streamsProperties(String applicationId, String bootstrapServers, Topics topics,
                                               Policy policy, Map<String, ?> overrides) {
        return streamsProperties(applicationId, bootstrapServers, topics, new ActivePolicy(policy), overrides);
    }

    /** As above, with the policy in force given as the (reloadable) {@link ActivePolicy}. */
    public static Properties streamsProperties(String applicationId, String bootstrapServers, Topics topics,
                                               ActivePolicy activePolicy, Map<String, ?> overrides) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class.getName());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        props.putAll(overrides);
        Object instance = props.get(INSTANCE_NAME);
        if (instance != null && !String.valueOf(instance).isBlank()) {
            // Kafka Streams appends each stream thread's index, so every consumer of the instance has its own id.
            props.put(StreamsConfig.mainConsumerPrefix(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                    String.valueOf(instance).strip());
        }
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, QuarantiningExceptionHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.putAll(topicSettings(topics));
        props.put(PARTS, ProcessorParts.from(new GuardConfig(props), activePolicy, java.time.Clock.systemUTC()));
        return props;
    }
}
