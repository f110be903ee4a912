package org.disclosureguard.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) running inside this JVM, for the
 * {@code demo} command and integration tests.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     kafka.createTopics(List.of(new NewTopic("in", 3, (short) 1)));
 *     ... clients use kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>Broker logging is turned down to WARN when this class is loaded (see {@link BrokerLogging}).
 * Note that the broker, like any Kafka server, may halt the JVM on a fatal storage error.
 */
public final class EmbeddedKafka implements KafkaBroker {

    /** How long start-up and topic creation may take before they fail. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    static {
        // Before any broker class creates its loggers.
        BrokerLogging.quietInProcess();
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final BrokerConfig config;
    private final Path dataDir;
    private final boolean deleteDataDirOnClose;
    private final KafkaRaftServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(BrokerConfig config, Path dataDir, boolean deleteDataDirOnClose, KafkaRaftServer server) {
        this.config = config;
        this.dataDir = dataDir;
        this.deleteDataDirOnClose = deleteDataDirOnClose;
        this.server = server;
    }

    /** Starts a broker on a fresh temp dir, which {@link #close()} deletes. */
    public static EmbeddedKafka start() {
        return start(Directories.createTemp("embedded-kafka-"), true, Map.of(), null);
    }

    /**
     * Starts a broker keeping its data in {@code dataDir} (created if missing, formatted if not yet
     * formatted, kept on close), so a later start on the same dir sees the same topics and records.
     */
    public static EmbeddedKafka start(Path dataDir) {
        return start(dataDir, false, Map.of(), null);
    }

    /** Like {@link #start(Path)}, with extra or replaced server properties. */
    public static EmbeddedKafka start(Path dataDir, Map<String, String> serverOverrides) {
        return start(dataDir, false, serverOverrides, null);
    }

    /**
     * Like {@link #start(Path)}, with a second client listener that takes SASL_SSL (SCRAM) clients at
     * {@link #securedBootstrapServers()}. Create their users with {@link #createScramUser(String, String)}.
     */
    public static EmbeddedKafka start(Path dataDir, SecuredListener securedListener) {
        return start(dataDir, false, Map.of(), securedListener);
    }

    private static EmbeddedKafka start(Path dataDir, boolean temporary, Map<String, String> overrides,
                                       SecuredListener securedListener) {
        long startNanos = System.nanoTime();
        Path dir = dataDir.toAbsolutePath();
        BrokerConfig config = BrokerConfig.forLogDir(dir.resolve("kafka-logs"));
        if (securedListener != null) {
            config = config.withSecuredListener(securedListener);
        }
        config = config.with(overrides);
        KafkaRaftServer server = null;
        try {
            Path propsFile = config.writeTo(dir.resolve("server.properties"));
            StorageFormatter.formatIfNeeded(propsFile, config.clusterId());
            server = new KafkaRaftServer(KafkaConfig.fromProps(config.toProperties(), false), Time.SYSTEM);
            server.startup();
            BrokerAdmin.awaitReady(config.bootstrapServers(), TIMEOUT, () -> true,
                    () -> "In-process broker, data dir " + dir);
        } catch (RuntimeException e) {
            if (server != null) {
                shutdownQuietly(server);
            }
            if (temporary) {
                Directories.deleteRecursively(dir);
            }
            throw e;
        }
        LOG.info("Kafka broker started at {}{} in {} ms (data dir {})", config.bootstrapServers(),
                config.securedListener().isPresent() ? " and " + config.securedBootstrapServers() + " (SASL_SSL)" : "",
                (System.nanoTime() - startNanos) / 1_000_000, dir);
        return new EmbeddedKafka(config, dir, temporary, server);
    }

    @Override
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    /**
     * What clients of the secured listener put in {@code bootstrap.servers}.
     *
     * @throws IllegalStateException if the broker was started without one
     */
    public String securedBootstrapServers() {
        return config.securedBootstrapServers();
    }

    /**
     * Creates a {@value SecuredListener#MECHANISM} user for the secured listener (or changes its password),
     * through the PLAINTEXT listener. The broker applies it a moment later: {@link #awaitAccepted(Map)}
     * waits for that.
     */
    public void createScramUser(String user, String password) {
        BrokerAdmin.upsertScramCredential(bootstrapServers(), user, password,
                ScramMechanism.fromMechanismName(SecuredListener.MECHANISM), TIMEOUT);
    }

    /**
     * Blocks until a client with these settings (bootstrap servers and security settings, e.g. for the secured
     * listener and a user just created) gets an answer from the broker; authentication failures are retried.
     *
     * @throws IllegalStateException if it is still refused after {@link #TIMEOUT}, with the last error
     */
    public void awaitAccepted(Map<String, ?> clientSettings) {
        BrokerAdmin.awaitAccepted(clientSettings, TIMEOUT);
    }

    /** The server properties this broker runs with. */
    public BrokerConfig config() {
        return config;
    }

    /** Holds {@code server.properties} and the log dir {@code kafka-logs}. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void createTopics(Collection<NewTopic> topics) {
        BrokerAdmin.createTopics(bootstrapServers(), topics, TIMEOUT);
    }

    /** Shuts the broker down cleanly; deletes the data dir if {@link #start()} created it. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long startNanos = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (deleteDataDirOnClose) {
                Directories.deleteRecursively(dataDir);
            }
        }
        LOG.info("Kafka broker at {} stopped in {} ms", bootstrapServers(),
                (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Broker shutdown after a failed start also failed: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka{" + bootstrapServers() + ", dataDir=" + dataDir + "}";
    }
}
