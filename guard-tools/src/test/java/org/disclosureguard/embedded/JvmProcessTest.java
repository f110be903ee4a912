package org.disclosureguard.embedded;

import org.disclosureguard.app.ParentWatchdog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JvmProcessTest {

    static final String HOOK_MESSAGE = "shutdown hook ran";
    static final String READY_MESSAGE = "sleeper ready";

    /** A child that prints a line when ready and another when its shutdown hooks run. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            ParentWatchdog.start(Duration.ofMillis(100));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println(HOOK_MESSAGE)));
            System.out.println(READY_MESSAGE + " " + System.getProperty("sleeper.tag") + " "
                    + System.getenv("SLEEPER_ENV"));
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** A middle process: launches a Sleeper, writes its pid to args[0], then waits to be killed. */
    public static final class Launcher {
        public static void main(String[] args) throws Exception {
            ParentWatchdog.start(Duration.ofMillis(100));
            JvmProcess child = JvmProcess.builder(Sleeper.class).logFile(Path.of(args[1])).start();
            Path tmp = Path.of(args[0] + ".tmp");
            Files.writeString(tmp, Long.toString(child.pid()));
            Files.move(tmp, Path.of(args[0]));
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    @Timeout(60)
    void passesPropertiesAndEnvAndStopRunsShutdownHooks(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("sleeper.log");
        try (JvmProcess process = JvmProcess.builder(Sleeper.class)
                .systemProperty("sleeper.tag", "tag-42")
                .env("SLEEPER_ENV", "env-7")
                .logFile(log)
                .start()) {
            awaitLogContains(log, READY_MESSAGE + " tag-42 env-7");
            assertTrue(process.isAlive());
            assertTrue(process.exitCode().isEmpty());

            assertTrue(process.stop(Duration.ofSeconds(10)), "SIGTERM stops the child by itself");
            assertFalse(process.isAlive());
            assertTrue(read(log).contains(HOOK_MESSAGE), "SIGTERM runs shutdown hooks: " + read(log));
        }
    }

    @Test
    @Timeout(60)
    void killIsSigkillWithoutShutdownHooks(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("sleeper.log");
        JvmProcess process = JvmProcess.builder(Sleeper.class).logFile(log).start();
        awaitLogContains(log, READY_MESSAGE);
        process.kill();
        assertFalse(process.isAlive());
        assertEquals(128 + 9, process.exitCode().getAsInt(), "killed by signal 9");
        assertFalse(read(log).contains(HOOK_MESSAGE), "SIGKILL runs no shutdown hooks");
        assertTrue(process.describe().contains(log.toString()), process.describe());
    }

    @Test
    @Timeout(60)
    void childHaltsWhenItsParentIsKilled(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        Path grandchildLog = dir.resolve("grandchild.log");
        long grandchildPid;
        try (JvmProcess launcher = JvmProcess.builder(Launcher.class)
                .args(pidFile.toString(), grandchildLog.toString())
                .logFile(dir.resolve("launcher.log"))
                .start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(pidFile)) {
                assertTrue(launcher.isAlive(), "launcher died: " + launcher.logTail(20));
                assertTrue(System.nanoTime() < deadline, "launcher never started its child");
                Thread.sleep(50);
            }
            grandchildPid = Long.parseLong(Files.readString(pidFile).trim());
            awaitLogContains(grandchildLog, READY_MESSAGE);
            assertTrue(isAlive(grandchildPid));

            launcher.kill(); // SIGKILL: the launcher gets no chance to stop its child
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (isAlive(grandchildPid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(isAlive(grandchildPid), "orphaned child must halt itself; log: " + read(grandchildLog));
        assertTrue(read(grandchildLog).contains("Halting"), read(grandchildLog));
    }

    @Test
    void defaultClasspathContainsThisTestsClasses() throws Exception {
        String here = Path.of(JvmProcessTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        assertTrue(JvmProcess.defaultClasspath().contains(here), JvmProcess.defaultClasspath());
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void awaitLogContains(Path log, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!read(log).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "never saw '" + text + "' in " + log + ": " + read(log));
            Thread.sleep(50);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
