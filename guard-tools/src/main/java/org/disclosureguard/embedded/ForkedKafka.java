package org.disclosureguard.embedded;

import org.disclosureguard.app.ParentWatchdog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same single-node broker as {@link EmbeddedKafka}, but in a child JVM, so fault tests can kill -9 it
 * and restart it independently of the app. Its ports stay fixed for the lifetime of this object, so clients
 * reconnect to the restarted broker at the same address.
 *
 * <p>Layout of the data dir: {@code server.properties}, the log dir {@code kafka-logs/} and the child's
 * output {@code broker.log} (appended to across restarts; named in every failure message).
 * The child dies with this JVM, even on SIGKILL ({@link ParentWatchdog}).
 */
public final class ForkedKafka implements KafkaBroker {

    /** How long a (re)start and topic creation may take before they fail. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How long a clean stop (SIGTERM) may take before the broker is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    static {
        // Quiets the admin clients this class uses in this JVM; the child gets the same levels as -D flags.
        BrokerLogging.quietInProcess();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ForkedKafka.class);
    /** A small broker heap; C1 only and serial GC start faster on a 2-core machine and idle cheaper. */
    public static final List<String> TEST_JVM_ARGS =
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    /** For measurements: the full JIT and a roomier heap, so that the broker is not what a benchmark measures. */
    public static final List<String> THROUGHPUT_JVM_ARGS = List.of("-Xmx1g");

    private final BrokerConfig config;
    private final Path dataDir;
    private final Path propsFile;
    private final Path logFile;
    private final boolean deleteDataDirOnClose;
    private JvmProcess process;
    private boolean closed;

    private List<String> jvmArgs = TEST_JVM_ARGS;

    private ForkedKafka(BrokerConfig config, Path dataDir, boolean deleteDataDirOnClose) {
        this.config = config;
        this.dataDir = dataDir;
        this.propsFile = dataDir.resolve("server.properties");
        this.logFile = dataDir.resolve("broker.log");
        this.deleteDataDirOnClose = deleteDataDirOnClose;
    }

    /** Starts a broker process on a fresh temp dir, which {@link #close()} deletes. */
    public static ForkedKafka start() {
        return start(Directories.createTemp("forked-kafka-"), true, Map.of());
    }

    /**
     * Starts a broker process keeping its data in {@code dataDir} (created if missing, formatted if not
     * yet formatted, kept on close).
     */
    public static ForkedKafka start(Path dataDir) {
        return start(dataDir, false, Map.of());
    }

    /** Like {@link #start(Path)}, with extra or replaced server properties. */
    public static ForkedKafka start(Path dataDir, Map<String, String> serverOverrides) {
        return start(dataDir, false, serverOverrides);
    }

    /** A broker on a fresh temp dir (deleted on close) whose JVM runs with {@code jvmArgs}. */
    public static ForkedKafka startTemporary(Map<String, String> serverOverrides, List<String> jvmArgs) {
        return start(Directories.createTemp("forked-kafka-"), true, serverOverrides, jvmArgs);
    }

    private static ForkedKafka start(Path dataDir, boolean temporary, Map<String, String> overrides) {
        return start(dataDir, temporary, overrides, TEST_JVM_ARGS);
    }

    private static ForkedKafka start(Path dataDir, boolean temporary, Map<String, String> overrides, List<String> jvmArgs) {
        Path dir = dataDir.toAbsolutePath();
        BrokerConfig config = BrokerConfig.forLogDir(dir.resolve("kafka-logs")).with(overrides);
        ForkedKafka kafka = new ForkedKafka(config, dir, temporary);
        kafka.jvmArgs = List.copyOf(jvmArgs);
        config.writeTo(kafka.propsFile);
        try {
            kafka.launch();
        } catch (RuntimeException e) {
            // Keep the dir, even a temp one: its broker.log explains the failure.
            kafka.closed = true;
            throw e;
        }
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public BrokerConfig config() {
        return config;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The child's stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    /** The pid of the current broker process. */
    public synchronized long pid() {
        return process.pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void createTopics(Collection<NewTopic> topics) {
        try {
            BrokerAdmin.createTopics(bootstrapServers(), topics, TIMEOUT);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + ". " + diagnostics(), e);
        }
    }

    /** Kills the broker with SIGKILL, like a crash, and waits until the process is gone. */
    public synchronized void kill() {
        requireOpen();
        LOG.info("Killing broker pid {} (SIGKILL)", process.pid());
        process.kill();
    }

    /**
     * Stops the broker cleanly (SIGTERM, controlled shutdown), killing it after {@link #STOP_TIMEOUT}.
     *
     * @return true if it stopped by itself
     */
    public synchronized boolean stop() {
        requireOpen();
        return process.stop(STOP_TIMEOUT);
    }

    /**
     * Starts the broker again on the same log dir and ports (no re-format) and waits until it serves
     * clients. A broker that is still running is stopped cleanly first.
     */
    public synchronized void restart() {
        requireOpen();
        if (process.isAlive()) {
            process.stop(STOP_TIMEOUT);
        }
        launch();
    }

    /** Stops the broker (cleanly if it can) and deletes the data dir if {@link #start()} created it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process != null) {
                process.stop(STOP_TIMEOUT);
                process.close();
            }
        } finally {
            if (deleteDataDirOnClose) {
                Directories.deleteRecursively(dataDir);
            }
        }
    }

    private synchronized void launch() {
        long startNanos = System.nanoTime();
        process = JvmProcess.builder(ForkedBrokerMain.class)
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .systemProperties(BrokerLogging.childSystemProperties())
                .args(propsFile.toString(), config.clusterId())
                .logFile(logFile)
                .workingDir(dataDir)
                .start();
        try {
            BrokerAdmin.awaitReady(bootstrapServers(), TIMEOUT, process::isAlive, this::diagnostics);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        LOG.info("Forked Kafka broker (pid {}) ready at {} in {} ms (log {})", process.pid(), bootstrapServers(),
                (System.nanoTime() - startNanos) / 1_000_000, logFile);
    }

    private String diagnostics() {
        return "Broker process " + (process == null ? "not started" : process.describe())
                + "; last log lines:\n" + JvmProcess.tail(logFile, 30);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("ForkedKafka at " + bootstrapServers() + " is closed");
        }
    }

    @Override
    public String toString() {
        return "ForkedKafka{" + bootstrapServers() + ", dataDir=" + dataDir + "}";
    }
}
