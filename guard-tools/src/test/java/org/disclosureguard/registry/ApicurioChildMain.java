package org.disclosureguard.registry;

import java.util.Optional;

import org.disclosureguard.app.ParentWatchdog;

/**
 * Main of the Apicurio child JVM: starts a watchdog that halts this JVM once the test JVM that launched it is
 * gone (even after a SIGKILL, which runs no shutdown hooks), then hands over to the registry's own main.
 *
 * <p>The project's {@link ParentWatchdog} cannot run there: the child's classpath is the registry's runner jar
 * plus this one class file, copied out by {@link ApicurioRegistry} (the project's classes next to the registry's
 * libraries could clash). So this class uses nothing but the JDK; the two {@code ParentWatchdog} constants it
 * names are compile-time constants, inlined by javac, and keep the same contract
 * ({@value ParentWatchdog#PARENT_PID_PROPERTY}, exit status {@value ParentWatchdog#PARENT_GONE_EXIT_CODE}).
 */
public final class ApicurioChildMain {

    private static final long POLL_MILLIS = 500;

    private ApicurioChildMain() {
    }

    /** {@code args[0]}: the registry's main class; the rest are passed to it. */
    public static void main(String[] args) throws Throwable {
        watchParent();
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watchParent() {
        // Capture the handle now: after the parent dies, parent() would name whoever adopted us (e.g. init).
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        String expected = System.getProperty(ParentWatchdog.PARENT_PID_PROPERTY);
        if (expected != null && (parent.isEmpty() || parent.get().pid() != Long.parseLong(expected.trim()))) {
            halt("launching process " + expected + " is already gone");
        }
        if (parent.isEmpty()) {
            System.err.println("[apicurio-child] no parent process visible; will not stop when the tests die");
            return;
        }
        ProcessHandle handle = parent.get();
        Thread watcher = new Thread(() -> {
            while (true) {
                // isAlive() also checks the start time, so a recycled pid does not look like our parent.
                if (!handle.isAlive()) {
                    halt("parent process " + handle.pid() + " died");
                }
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void halt(String reason) {
        System.err.println("[apicurio-child] halting: " + reason);
        Runtime.getRuntime().halt(ParentWatchdog.PARENT_GONE_EXIT_CODE);
    }
}
