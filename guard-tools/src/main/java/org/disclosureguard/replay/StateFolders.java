package org.disclosureguard.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh folders for the state stores of a short-lived topology (a replay, an evaluation, the demo) under
 * {@code $XDG_CACHE_HOME} (or {@code ~/.cache})/disclosure-guard: not under the OS temp directory, which the OS may
 * clear under a running store and which Kafka Streams warns about at every start.
 */
public final class StateFolders {

    private StateFolders() {
    }

    /** A new, empty folder named {@code prefix...}; the caller deletes it when done. */
    public static Path fresh(String prefix) throws IOException {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path root = (cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(cache))
                .resolve("disclosure-guard");
        Files.createDirectories(root);
        return Files.createTempDirectory(root, prefix);
    }
}
