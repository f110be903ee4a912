package org.disclosureguard.registry;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import org.disclosureguard.embedded.FreePorts;
import org.disclosureguard.app.ParentWatchdog;
import org.disclosureguard.embedded.JvmProcess;

/**
 * A real Apicurio Registry (2.6, in-memory storage) in a child JVM on a free loopback port, for tests that need a
 * Confluent-compatible schema registry ({@link #ccompatUrl()}).
 *
 * <p>The registry comes from the unpacked {@code apicurio-registry-app-*-all.tar.gz} named by the system property
 * {@value #HOME_PROPERTY} (the build unpacks it into {@code target/apicurio-registry}). Its output goes to a log
 * file ({@link #logFile()}, under {@code target/} when the tests run from the project directory), whose tail is
 * part of every start-up failure.
 *
 * <p>The child dies with the test JVM: a shutdown hook kills it on a normal exit, and {@link ApicurioChildMain}
 * halts it when the test JVM is gone, even after a SIGKILL.
 *
 * <p>Storage is in memory: after {@link #stop()} and {@link #restart()} (same port) the registry has forgotten
 * every schema, and hands out ids from 1 again. To make it unreachable without losing its state, use
 * {@link #pause()} and {@link #resume()}.
 */
public final class ApicurioRegistry implements AutoCloseable {

    /** System property: the directory the registry's tar.gz was unpacked into. */
    public static final String HOME_PROPERTY = "apicurio.home";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 40;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "apicurio-registry-reaper"));
    }

    private final Path runnerJar;
    private final String mainClass;
    private final Path launcherDir;
    private final int port;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private Process process;
    private boolean paused;

    private ApicurioRegistry(Path runnerJar, String mainClass, Path launcherDir, int port, Path logFile) {
        this.runnerJar = runnerJar;
        this.mainClass = mainClass;
        this.launcherDir = launcherDir;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts a registry on a free loopback port and waits until it answers (about 5 to 10 s). */
    public static ApicurioRegistry start() {
        Path runnerJar = findRunnerJar();
        String mainClass = mainClassOf(runnerJar);
        int port = FreePorts.pick();
        Path logFile = logDirectory().resolve("apicurio-registry-" + port + ".log");
        ApicurioRegistry registry = new ApicurioRegistry(runnerJar, mainClass, copyLauncher(), port, logFile);
        registry.launch();
        return registry;
    }

    /** The Confluent-compatible API: {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String ccompatUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** stdout and stderr of the registry, appended to across restarts. */
    public Path logFile() {
        return logFile;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The child's pid; fails if it is not running. */
    public synchronized long pid() {
        requireRunning();
        return process.pid();
    }

    /**
     * Stops the registry (SIGTERM, SIGKILL if it is still there after 20 s) and waits until it is gone; the port
     * then refuses connections. Does nothing if it is not running. {@link #restart()} starts it again.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (paused) {
            resume(); // a stopped process would not act on SIGTERM
        }
        process.destroy();
        if (!waitFor(process, STOP_TIMEOUT)) {
            process.destroyForcibly();
            waitFor(process, STOP_TIMEOUT);
        }
        forget();
    }

    /** Kills the registry with SIGKILL, like a crash, and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly(); // SIGKILL also ends a paused (SIGSTOPped) process
        waitFor(process, STOP_TIMEOUT);
        forget();
    }

    /**
     * Starts the registry again on the same port, after {@link #stop()} or {@link #kill()}, and waits until it
     * answers. It starts empty: the in-memory storage does not survive.
     */
    public synchronized void restart() {
        if (isRunning()) {
            throw new IllegalStateException("Apicurio Registry is still running on port " + port + "; stop() it first");
        }
        launch();
    }

    /**
     * Freezes the registry (SIGSTOP): connections are still accepted by the kernel, but no request is answered
     * until {@link #resume()}, so clients run into their timeouts. Unlike a stop, it keeps its schemas.
     */
    public synchronized void pause() {
        requireRunning();
        signal("STOP");
        paused = true;
    }

    /** Lets a {@link #pause() paused} registry run again (SIGCONT). */
    public synchronized void resume() {
        requireRunning();
        signal("CONT");
        paused = false;
    }

    /** Kills the registry if it is running. */
    @Override
    public synchronized void close() {
        kill();
    }

    @Override
    public String toString() {
        return "Apicurio Registry at " + baseUrl() + " (log " + logFile + ")";
    }

    private synchronized void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=" + port);
        command.add("-D" + ParentWatchdog.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        // The runner jar's manifest Class-Path (lib/...) still applies when it is on -cp instead of behind -jar.
        command.add(launcherDir + File.pathSeparator + runnerJar);
        command.add(ApicurioChildMain.class.getName());
        command.add(mainClass);
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "===== " + LocalDateTime.now() + " starting Apicurio Registry on port " + port
                    + ": " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .directory(logFile.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Apicurio Registry from " + runnerJar + " (log " + logFile + ")", e);
        }
        paused = false;
        RUNNING.add(process);
        try {
            awaitReady();
        } catch (RuntimeException | Error e) {
            kill();
            throw e;
        }
    }

    private void awaitReady() {
        long startedAt = System.nanoTime();
        long deadline = startedAt + START_TIMEOUT.toNanos();
        HttpRequest info = HttpRequest.newBuilder(URI.create(baseUrl() + "/apis/registry/v2/system/info"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        String lastProblem = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Apicurio Registry exited with status " + process.exitValue()
                        + " while starting on port " + port + "; log " + logFile + ":\n" + logTail());
            }
            try {
                HttpResponse<String> response = http.send(info, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                lastProblem = "HTTP " + response.statusCode() + ": " + response.body();
            } catch (ConnectException e) {
                lastProblem = "connection refused";
            } catch (IOException e) {
                lastProblem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Apicurio Registry to start", e);
            }
            sleep(200);
        }
        throw new IllegalStateException("Apicurio Registry did not answer on " + baseUrl() + " within "
                + START_TIMEOUT.toSeconds() + " s (last: " + lastProblem + "); log " + logFile + ":\n" + logTail());
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("Apicurio Registry on port " + port + " is not running");
        }
    }

    private void forget() {
        RUNNING.remove(process);
        process = null;
        paused = false;
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not send SIG" + name + " to Apicurio Registry", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending SIG" + name, e);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Apicurio Registry to exit", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Apicurio Registry", e);
        }
    }

    /** The {@code *-runner.jar} in {@value #HOME_PROPERTY}; fails with a message saying what is missing. */
    private static Path findRunnerJar() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("System property " + HOME_PROPERTY + " is not set: it must name the directory "
                    + "the apicurio-registry-app tar.gz was unpacked into (the build sets it to target/apicurio-registry; "
                    + "run the integration tests through `mvn verify`, or pass -D" + HOME_PROPERTY + "=DIR)");
        }
        Path dir = Path.of(home).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(HOME_PROPERTY + "=" + home + " is not a directory (was the registry "
                    + "unpacked? the build does it in pre-integration-test)");
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*-runner.jar")) {
            stream.forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir, e);
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("Expected one Apicurio Registry *-runner.jar in " + dir + " ("
                    + HOME_PROPERTY + "), found " + (jars.isEmpty() ? "none" : jars));
        }
        if (!Files.isDirectory(dir.resolve("lib"))) {
            throw new IllegalStateException("No lib/ directory next to " + jars.get(0) + ": incomplete unpack?");
        }
        return jars.get(0);
    }

    private static String mainClassOf(Path runnerJar) {
        try (JarFile jar = new JarFile(runnerJar.toFile())) {
            String main = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Main-Class");
            if (main == null) {
                throw new IllegalStateException(runnerJar + " has no Main-Class in its manifest");
            }
            return main.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + runnerJar, e);
        }
    }

    /**
     * {@link ApicurioChildMain}'s class file alone, in a directory of its own: the child gets that and the runner
     * jar, not the test classpath.
     */
    private static Path copyLauncher() {
        String resource = ApicurioChildMain.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ApicurioChildMain.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Class file " + resource + " not found on the test classpath");
            }
            Path dir = Files.createTempDirectory("apicurio-launcher");
            Path target = dir.resolve(resource);
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
            // deleteOnExit deletes in reverse order of registration: the file first, the top directory last.
            Path p = dir;
            p.toFile().deleteOnExit();
            for (Path name : dir.relativize(target)) {
                p = p.resolve(name);
                p.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + resource + " for the Apicurio child JVM", e);
        }
    }

    /** {@code target/} when the tests run from the project directory (as under Maven), else the temp directory. */
    private static Path logDirectory() {
        Path target = Path.of("target").toAbsolutePath();
        return Files.isDirectory(target) ? target : Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    private String logTail() {
        return JvmProcess.tail(logFile, LOG_TAIL_LINES);
    }
}
