package org.disclosureguard.embedded;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the broker's very chatty INFO logging out of the way.
 *
 * <p>The project logs through slf4j-simple, which reads {@code org.slf4j.simpleLogger.log.<name>} system
 * properties when each logger is created. Broker loggers are created when the broker classes are first used,
 * so calling {@link #quietInProcess()} before starting an in-process broker is enough; for a child JVM the
 * same settings are passed as {@code -D} flags ({@link #childJvmFlags()}).
 */
public final class BrokerLogging {

    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    /** Logger-name prefixes the broker (and its clients) log under, mapped to the level we want. */
    private static final Map<String, String> QUIET_LEVELS = quietLevels();

    private BrokerLogging() {
    }

    private static Map<String, String> quietLevels() {
        Map<String, String> levels = new LinkedHashMap<>();
        levels.put(PREFIX + "kafka", "warn");
        levels.put(PREFIX + "org.apache.kafka", "warn");
        levels.put(PREFIX + "org.apache.zookeeper", "warn");
        levels.put(PREFIX + "state.change.logger", "warn");
        // A fresh single-node cluster always "performs controller activation" at WARN: expected here, not a problem.
        levels.put(PREFIX + "org.apache.kafka.controller.QuorumController", "error");
        return levels;
    }

    /**
     * Sets the WARN levels as system properties of this JVM, leaving any level someone already chose alone.
     * Call it before the first broker or Kafka client logger is created (e.g. first thing in main).
     */
    public static void quietInProcess() {
        QUIET_LEVELS.forEach((key, level) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, level);
            }
        });
    }

    /** The system properties a child broker JVM needs for the same quiet logging (plus timestamps). */
    public static Map<String, String> childSystemProperties() {
        Map<String, String> props = new LinkedHashMap<>(QUIET_LEVELS);
        // Timestamps make a child's log file readable next to the test's own output.
        props.put("org.slf4j.simpleLogger.showDateTime", "true");
        props.put("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        // Carry over levels set explicitly in this JVM (e.g. someone debugging with -D...log.kafka=debug).
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("org.slf4j.simpleLogger."))
                .forEach(name -> props.put(name, System.getProperty(name)));
        return props;
    }

    /** {@link #childSystemProperties()} as {@code -Dkey=value} flags. */
    public static List<String> childJvmFlags() {
        List<String> flags = new ArrayList<>();
        childSystemProperties().forEach((key, value) -> flags.add("-D" + key + "=" + value));
        return flags;
    }
}
