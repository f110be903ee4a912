package org.disclosureguard.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.tools.StorageTool;

/**
 * Formats a KRaft log dir (what {@code kafka-storage.sh format} does) so a broker can start on it.
 * A log dir that is already formatted is left as it is, so restarting on old data keeps that data.
 */
public final class StorageFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormatter.class);

    private StorageFormatter() {
    }

    /**
     * Formats the log dirs named in {@code serverProperties}, skipping dirs that are already formatted.
     * {@code clusterId} is used only for a log dir that has never been formatted: the tool insists that the
     * id it is given matches the one already on disk, so an existing id wins.
     * {@code StorageTool.execute} returns an exit code rather than exiting the JVM.
     *
     * @throws IllegalStateException if the tool fails, with its output in the message
     */
    public static void formatIfNeeded(Path serverProperties, String clusterId) {
        Optional<String> existing = existingClusterId(BrokerConfig.read(serverProperties));
        if (existing.isPresent() && !existing.get().equals(clusterId)) {
            LOG.debug("Log dir already formatted for cluster {}", existing.get());
        }
        runFormat(serverProperties, existing.orElse(clusterId));
    }

    /** The cluster id in the {@code meta.properties} of any already formatted log dir of this config. */
    static Optional<String> existingClusterId(Properties serverProps) {
        List<String> dirs = new ArrayList<>();
        String logDirs = serverProps.getProperty("log.dirs", serverProps.getProperty("log.dir", ""));
        for (String dir : logDirs.split(",")) {
            if (!dir.isBlank()) {
                dirs.add(dir.trim());
            }
        }
        String metadataDir = serverProps.getProperty("metadata.log.dir");
        if (metadataDir != null && !metadataDir.isBlank()) {
            dirs.add(metadataDir.trim());
        }
        for (String dir : dirs) {
            Path meta = Path.of(dir, "meta.properties");
            if (Files.isRegularFile(meta)) {
                String id = BrokerConfig.read(meta).getProperty("cluster.id");
                if (id != null && !id.isBlank()) {
                    return Optional.of(id.trim());
                }
            }
        }
        return Optional.empty();
    }

    private static void runFormat(Path serverProperties, String clusterId) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            String[] args = {
                "format",
                "--config", serverProperties.toAbsolutePath().toString(),
                "--cluster-id", clusterId,
                "--ignore-formatted"
            };
            try {
                exitCode = StorageTool.execute(args, out);
            } catch (RuntimeException e) {
                // The tool reports bad input (e.g. an invalid config) by throwing rather than by exit code.
                throw new IllegalStateException("Formatting the KRaft log dir failed (config " + serverProperties
                        + "): " + e.getMessage() + "; tool output: " + buffer.toString(StandardCharsets.UTF_8), e);
            }
        }
        String output = buffer.toString(StandardCharsets.UTF_8).trim();
        if (exitCode != 0) {
            throw new IllegalStateException("Formatting the KRaft log dir failed with exit code " + exitCode
                    + " (config " + serverProperties + "): " + output);
        }
        LOG.debug("Storage format: {}", output);
    }
}
