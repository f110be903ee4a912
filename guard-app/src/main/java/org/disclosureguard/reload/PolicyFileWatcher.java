package org.disclosureguard.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot reload from the policy file: re-reads it on a fixed interval and offers it when its bytes change. Polling
 * rather than a WatchService, because file events are unreliable on the mounted volumes and config maps that
 * containers get their files from, and a few small reads a second cost nothing.
 */
public final class PolicyFileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyFileWatcher.class);

    private final Path file;
    private final PolicyReloader reloader;
    private final ScheduledExecutorService timer;
    private byte[] lastSeen;
    private boolean unreadableReported;

    private PolicyFileWatcher(Path file, PolicyReloader reloader) {
        this.file = file;
        this.reloader = reloader;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "policy-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts watching; the file's current content is the baseline (it was loaded at start). */
    public static PolicyFileWatcher start(Path file, Duration interval, PolicyReloader reloader) {
        PolicyFileWatcher watcher = new PolicyFileWatcher(file, reloader);
        watcher.lastSeen = watcher.read();
        watcher.timer.scheduleWithFixedDelay(watcher::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return watcher;
    }

    private void check() {
        try {
            byte[] content = read();
            if (content == null || Arrays.equals(content, lastSeen)) {
                return;
            }
            lastSeen = content;
            reloader.offer(new String(content, StandardCharsets.UTF_8), file.toString());
        } catch (RuntimeException e) {
            // An exception would cancel the schedule: report it and keep watching.
            LOG.error("Policy file check failed; the policy in force stays", e);
        }
    }

    private byte[] read() {
        try {
            byte[] content = Files.readAllBytes(file);
            unreadableReported = false;
            return content;
        } catch (IOException e) {
            // Editors replace files by rename: a moment without the file is normal. Say it once, keep the policy.
            if (!unreadableReported) {
                LOG.warn("Cannot read the policy file {} ({}); the policy in force stays", file, e.toString());
                unreadableReported = true;
            }
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
