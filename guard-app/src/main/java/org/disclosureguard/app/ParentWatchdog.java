package org.disclosureguard.app;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a child JVM die with the process that launched it. A test JVM that is killed with SIGKILL gets no
 * chance to stop its children, and an orphaned broker or app would hold ports and files forever; so each
 * child main starts this watchdog, which halts the JVM as soon as its parent is gone.
 *
 * <p>the embedded broker's JvmProcess passes the launcher's pid as {@value #PARENT_PID_PROPERTY}; if the child was
 * already re-parented (the launcher died before the child got here) that pid no longer matches
 * and the child halts at once.
 */
public final class ParentWatchdog {

    /** System property holding the pid of the JVM that launched this one (set by the embedded broker's JvmProcess). */
    public static final String PARENT_PID_PROPERTY = "disclosureguard.parent.pid";
    /** Exit status of a JVM halted because its parent died. */
    public static final int PARENT_GONE_EXIT_CODE = 97;

    private static final Logger LOG = LoggerFactory.getLogger(ParentWatchdog.class);
    private static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);
    private static Thread watcher;

    private ParentWatchdog() {
    }

    /** Starts watching with a 500 ms poll; calling it again is a no-op. */
    public static void start() {
        start(DEFAULT_INTERVAL);
    }

    /** Starts watching the parent process, polling every {@code interval}; calling it again is a no-op. */
    public static synchronized void start(Duration interval) {
        if (watcher != null) {
            return;
        }
        // Capture the handle now: after the parent dies, parent() would name whoever adopted us (e.g. init).
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        String expected = System.getProperty(PARENT_PID_PROPERTY);
        if (expected != null && (parent.isEmpty() || parent.get().pid() != Long.parseLong(expected.trim()))) {
            halt("launching process " + expected + " is already gone (parent is now "
                    + parent.map(p -> Long.toString(p.pid())).orElse("unknown") + ")");
        }
        if (parent.isEmpty()) {
            LOG.warn("No parent process visible; this JVM will not stop by itself when its launcher dies");
            return;
        }
        ProcessHandle handle = parent.get();
        watcher = new Thread(() -> watch(handle, interval), "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        LOG.debug("Watching parent process {}", handle.pid());
    }

    private static void watch(ProcessHandle parent, Duration interval) {
        while (true) {
            // isAlive() also checks the start time, so a recycled pid does not look like our parent.
            if (!parent.isAlive()) {
                halt("parent process " + parent.pid() + " died");
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void halt(String reason) {
        LOG.warn("Halting: {}", reason);
        // halt, not exit: shutdown hooks could block (e.g. a broker's controlled shutdown with nobody to talk to).
        Runtime.getRuntime().halt(PARENT_GONE_EXIT_CODE);
    }
}
