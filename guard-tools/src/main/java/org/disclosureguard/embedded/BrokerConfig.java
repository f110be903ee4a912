package org.disclosureguard.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.apache.kafka.common.Uuid;

/**
 * Server properties of a single-node KRaft cluster: one process that is both broker and controller,
 * bound to loopback, sized for one machine (replication factor 1 everywhere, exactly-once transactions
 * working, no rebalance delay).
 *
 * <p>The quorum is static ({@code controller.quorum.voters}), so a restarted broker may listen on other
 * ports than the run that formatted its log dir.
 */
public final class BrokerConfig {

    /** The one node of the cluster. */
    public static final int NODE_ID = 1;
    public static final String HOST = "127.0.0.1";

    private final Path logDir;
    private final int brokerPort;
    private final int controllerPort;
    private final String clusterId;
    private final Map<String, String> overrides;
    /** Null when the broker has only the PLAINTEXT client listener. */
    private final SecuredListener secured;
    private final int securedPort;

    private BrokerConfig(Path logDir, int brokerPort, int controllerPort, String clusterId,
                         Map<String, String> overrides, SecuredListener secured, int securedPort) {
        this.logDir = logDir.toAbsolutePath();
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
        this.overrides = Collections.unmodifiableMap(new TreeMap<>(overrides));
        this.secured = secured;
        this.securedPort = securedPort;
    }

    /** A config for {@code logDir} on two currently free loopback ports, with a fresh cluster id. */
    public static BrokerConfig forLogDir(Path logDir) {
        int[] ports = FreePorts.pick(2);
        return of(logDir, ports[0], ports[1]);
    }

    /** A config with fixed ports (e.g. to restart a broker at the same address) and a fresh cluster id. */
    public static BrokerConfig of(Path logDir, int brokerPort, int controllerPort) {
        return new BrokerConfig(logDir, brokerPort, controllerPort, newClusterId(), Map.of(), null, 0);
    }

    /** A random cluster id in the format the storage tool expects. */
    public static String newClusterId() {
        return Uuid.randomUuid().toString();
    }

    /** A copy with one extra (or replaced) server property, e.g. a smaller segment size for a test. */
    public BrokerConfig with(String key, String value) {
        Map<String, String> merged = new TreeMap<>(overrides);
        merged.put(key, value);
        return new BrokerConfig(logDir, brokerPort, controllerPort, clusterId, merged, secured, securedPort);
    }

    /** A copy with extra (or replaced) server properties. */
    public BrokerConfig with(Map<String, String> extra) {
        Map<String, String> merged = new TreeMap<>(overrides);
        merged.putAll(extra);
        return new BrokerConfig(logDir, brokerPort, controllerPort, clusterId, merged, secured, securedPort);
    }

    /** A copy that formats with the given cluster id (only matters for an unformatted log dir). */
    public BrokerConfig withClusterId(String id) {
        return new BrokerConfig(logDir, brokerPort, controllerPort, id, overrides, secured, securedPort);
    }

    /**
     * A copy with a second client listener, {@value SecuredListener#NAME} with
     * {@value SecuredListener#MECHANISM}, on a free loopback port of its own. The PLAINTEXT listener stays
     * (inter-broker traffic, and the admin that creates SCRAM users).
     */
    public BrokerConfig withSecuredListener(SecuredListener listener) {
        int port;
        do {
            port = FreePorts.pick();
        } while (port == brokerPort || port == controllerPort);
        return new BrokerConfig(logDir, brokerPort, controllerPort, clusterId, overrides, listener, port);
    }

    /** The secured listener, if the broker has one. */
    public Optional<SecuredListener> securedListener() {
        return Optional.ofNullable(secured);
    }

    /**
     * What clients of the secured listener put in {@code bootstrap.servers}.
     *
     * @throws IllegalStateException if there is no secured listener
     */
    public String securedBootstrapServers() {
        if (secured == null) {
            throw new IllegalStateException("this broker has no " + SecuredListener.NAME + " listener");
        }
        return HOST + ":" + securedPort;
    }

    public Path logDir() {
        return logDir;
    }

    public int brokerPort() {
        return brokerPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** Used when formatting; a log dir that is already formatted keeps the id it was formatted with. */
    public String clusterId() {
        return clusterId;
    }

    /** What clients put in {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + brokerPort;
    }

    /** The full server properties. */
    public Properties toProperties() {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // Static quorum: the voter is named by config, not stored in the log, so ports may change on restart.
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        String securedListener = secured == null ? "" : "," + SecuredListener.NAME + "://" + HOST + ":" + securedPort;
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + securedListener
                + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + securedListener);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (secured == null ? "" : "," + SecuredListener.NAME + ":" + SecuredListener.NAME));
        if (secured != null) {
            p.putAll(secured.serverProperties());
        }
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        // One node: every internal topic must live with a single replica.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Fewer coordinator partitions than the default 50: created on first use, so this is start-up time.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("num.partitions", "1");

        // Tests and the demo should not wait 3 s for a first rebalance.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.streams.initial.rebalance.delay.ms", "0");
        // After a kill -9 the restarted controller treats the old broker registration as live until its
        // session times out (default 9 s) and refuses the new one until then. 3 s restarts fast yet
        // tolerates short GC or CPU stalls on a busy machine.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        // Topics are created on purpose, never by a typo in a client.
        p.put("auto.create.topics.enable", "false");

        // Sized for a 2-core machine; the default cleaner dedupe buffer alone is 128 MB of heap.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));

        p.putAll(overrides);
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    /** Writes the server properties to {@code file} (creating parent dirs) and returns the file. */
    public Path writeTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                toProperties().store(out, "Single-node KRaft broker (Disclosure Guard embedded Kafka)");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write broker config to " + file, e);
        }
    }

    /** Reads server properties written by {@link #writeTo(Path)} (or any server.properties). */
    public static Properties read(Path file) {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read broker config " + file, e);
        }
    }

    @Override
    public String toString() {
        return "BrokerConfig{bootstrap=" + bootstrapServers() + ", controllerPort=" + controllerPort
                + (secured == null ? "" : ", secured=" + securedBootstrapServers() + " " + secured)
                + ", logDir=" + logDir + ", overrides=" + overrides + "}";
    }
}
