package org.disclosureguard.embedded;

import org.disclosureguard.app.ParentWatchdog;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java main running in a child JVM on this JVM's classpath, with its output in a log file. Used for the
 * forked broker and by the fault tests for the screening app, which kill -9 and restart either side.
 *
 * <p>The child gets {@value ParentWatchdog#PARENT_PID_PROPERTY} so a main that starts {@link ParentWatchdog}
 * dies with us even if we are killed with SIGKILL; on a normal exit of this JVM, still-running children are
 * killed by a shutdown hook.
 */
public final class JvmProcess implements AutoCloseable {

    /** Overrides the classpath given to children (default: this JVM's classpath, see {@link #defaultClasspath()}). */
    public static final String CHILD_CLASSPATH_PROPERTY = "disclosureguard.child.classpath";

    private static final Logger LOG = LoggerFactory.getLogger(JvmProcess.class);
    /** Beyond this the classpath goes into an @argfile: Linux limits one command-line argument to 128 KiB. */
    private static final int MAX_INLINE_CLASSPATH = 64 * 1024;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }), "jvm-process-reaper"));
    }

    private final String mainClass;
    private final Process process;
    private final Path logFile;

    private JvmProcess(String mainClass, Process process, Path logFile) {
        this.mainClass = mainClass;
        this.process = process;
        this.logFile = logFile;
    }

    public static Builder builder(Class<?> mainClass) {
        return new Builder(mainClass.getName());
    }

    public static Builder builder(String mainClass) {
        return new Builder(mainClass);
    }

    /**
     * The classpath for children: {@value #CHILD_CLASSPATH_PROPERTY} if set, else {@code java.class.path}
     * plus the entries of any URLClassLoader that loaded this class (launchers such as the JUnit console
     * launcher load the test classpath that way instead of through {@code java.class.path}).
     */
    public static String defaultClasspath() {
        String explicit = System.getProperty(CHILD_CLASSPATH_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                // Absolute: the child runs in its own working directory (`java -jar target/x.jar` is relative).
                entries.add(Paths.get(entry).toAbsolutePath().toString());
            }
        }
        List<ClassLoader> loaders = new ArrayList<>();
        for (ClassLoader cl = JvmProcess.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            loaders.add(cl);
        }
        Collections.reverse(loaders); // parents first, the order classes are resolved in
        for (ClassLoader cl : loaders) {
            if (cl instanceof URLClassLoader) {
                for (URL url : ((URLClassLoader) cl).getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Paths.get(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException e) {
                            LOG.debug("Skipping classpath URL {}: {}", url, e.toString());
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where the child's stdout and stderr go (appended to across restarts). */
    public Path logFile() {
        return logFile;
    }

    /** The exit status, or empty while the child runs. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Kills the child with SIGKILL (no shutdown hooks run, like a crash) and waits until it is gone.
     * Only the child itself: its own children are left to their {@link ParentWatchdog}, as after a real crash.
     */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /**
     * Asks the child to stop with SIGTERM (its shutdown hooks run) and waits up to {@code timeout};
     * kills it if it is still running after that.
     *
     * @return true if the child stopped by itself within the timeout
     */
    public boolean stop(Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (waitFor(timeout)) {
            return true;
        }
        LOG.warn("{} (pid {}) did not stop within {} s of SIGTERM; killing it", mainClass, pid(),
                timeout.toSeconds());
        kill();
        return false;
    }

    /** Waits up to {@code timeout} for the child to exit; true if it has exited. */
    public boolean waitFor(Duration timeout) {
        try {
            boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (exited) {
                RUNNING.remove(process);
            }
            return exited;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + mainClass, e);
        }
    }

    private void awaitExit(Duration timeout) {
        if (!waitFor(timeout)) {
            throw new IllegalStateException(mainClass + " (pid " + pid() + ") still running " + timeout.toSeconds()
                    + " s after SIGKILL");
        }
    }

    /** The last {@code maxLines} lines of the log file, for failure messages. */
    public String logTail(int maxLines) {
        return tail(logFile, maxLines);
    }

    /** One line naming the process and its log, for exception messages. */
    public String describe() {
        return mainClass + " (pid " + pid() + (process.isAlive() ? ", running" : ", exited " + process.exitValue())
                + ", log " + logFile + ")";
    }

    /** Kills the child if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        RUNNING.remove(process);
    }

    /** The last {@code maxLines} lines of a log file (at most its last 64 KiB), for failure messages. */
    public static String tail(Path file, int maxLines) {
        if (!Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long start = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
            int from = Math.max(0, lines.length - maxLines);
            return String.join("\n", java.util.Arrays.asList(lines).subList(from, lines.length));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /** Collects what to launch; {@link #start()} launches it. */
    public static final class Builder {
        private final String mainClass;
        private String classpath;
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> args = new ArrayList<>();
        private Path logFile;
        private Path workingDir;

        private Builder(String mainClass) {
            this.mainClass = mainClass;
        }

        /** Replaces the default classpath ({@link #defaultClasspath()}). */
        public Builder classpath(String value) {
            this.classpath = value;
            return this;
        }

        /** Raw JVM options, e.g. {@code -Xmx256m}. */
        public Builder jvmArgs(String... values) {
            jvmArgs.addAll(List.of(values));
            return this;
        }

        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        public Builder systemProperties(Map<String, String> values) {
            systemProperties.putAll(values);
            return this;
        }

        /** An environment variable on top of this JVM's environment. */
        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder args(String... values) {
            args.addAll(List.of(values));
            return this;
        }

        /** Required: stdout and stderr of the child are appended here. */
        public Builder logFile(Path value) {
            this.logFile = value;
            return this;
        }

        public Builder workingDir(Path value) {
            this.workingDir = value;
            return this;
        }

        public JvmProcess start() {
            if (logFile == null) {
                throw new IllegalStateException("logFile is required");
            }
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmArgs);
            systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-D" + ParentWatchdog.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
            String cp = classpath != null ? classpath : defaultClasspath();
            if (cp.length() > MAX_INLINE_CLASSPATH) {
                command.add("@" + writeClasspathArgFile(cp));
            } else {
                command.add("-cp");
                command.add(cp);
            }
            command.add(mainClass);
            command.addAll(args);

            try {
                Path parent = logFile.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                // A header per launch, so a log that spans restarts shows where each run begins.
                Files.writeString(logFile, "===== " + LocalDateTime.now() + " starting " + mainClass + " "
                        + args + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                ProcessBuilder pb = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.PIPE);
                if (workingDir != null) {
                    pb.directory(workingDir.toFile());
                }
                pb.environment().putAll(env);
                Process process = pb.start();
                RUNNING.add(process);
                LOG.debug("Started {} as pid {} (log {})", mainClass, process.pid(), logFile);
                return new JvmProcess(mainClass, process, logFile);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start " + mainClass + " (log " + logFile + ")", e);
            }
        }

        private Path writeClasspathArgFile(String cp) {
            try {
                Path file = Files.createTempFile("jvmprocess-classpath", ".args");
                file.toFile().deleteOnExit();
                // @argfile syntax: quote the value and escape backslashes.
                Files.writeString(file, "-cp \"" + cp.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write a classpath argfile", e);
            }
        }
    }
}
