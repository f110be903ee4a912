package org.disclosureguard.embedded;

import org.disclosureguard.app.ParentWatchdog;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * Main of the child JVM that {@link ForkedKafka} launches: formats the log dir if it is not formatted yet,
 * then runs the broker until SIGTERM (clean shutdown), SIGKILL, or the death of the launching JVM
 * ({@link ParentWatchdog}).
 *
 * <p>Arguments: {@code <server.properties> [<cluster id used if the log dir needs formatting>]}.
 */
public final class ForkedBrokerMain {

    static {
        BrokerLogging.quietInProcess();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ForkedBrokerMain.class);

    private ForkedBrokerMain() {
    }

    public static void main(String[] args) {
        ParentWatchdog.start();
        if (args.length < 1 || args.length > 2) {
            LOG.error("Usage: ForkedBrokerMain <server.properties> [<cluster id>]");
            Runtime.getRuntime().halt(2);
        }
        Path propsFile = Path.of(args[0]);
        String clusterId = args.length > 1 ? args[1] : BrokerConfig.newClusterId();
        KafkaRaftServer server;
        try {
            StorageFormatter.formatIfNeeded(propsFile, clusterId);
            Properties props = BrokerConfig.read(propsFile);
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            // SIGTERM (JvmProcess.stop) shuts the broker down cleanly; SIGKILL skips this, like a crash.
            KafkaRaftServer running = server;
            Runtime.getRuntime().addShutdownHook(new Thread(running::shutdown, "broker-shutdown"));
            server.startup();
        } catch (Throwable e) {
            LOG.error("Broker failed to start (config {})", propsFile, e);
            // halt: a half-started broker's threads would otherwise keep the JVM (and the log dir lock) alive.
            Runtime.getRuntime().halt(1);
            return;
        }
        LOG.info("Broker started with config {}", propsFile);
        server.awaitShutdown();
        LOG.info("Broker stopped");
    }
}
