package org.disclosureguard.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Headless Chromium for the pages' tests: a page's DOM after its scripts ran ({@code --dump-dom}), a screenshot, and
 * the state a page exposes as {@code data-*} attributes on {@code <main>}. Without Chromium a test is skipped (with
 * how to install it), unless {@code DG_REQUIRE_BROWSER=1} (CI), when it fails; {@code DG_CHROMIUM} may point at
 * another Chromium or Chrome binary.
 */
public final class Chromium {
    private static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String INSTALL_HINT = "install it with `sudo apt-get update && sudo apt-get install -y chromium` "
            + "(Debian; the package provides /usr/bin/chromium), or set DG_CHROMIUM to a Chromium or Chrome binary";
    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern MAIN_TAG = Pattern.compile("<main\\b([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_:][-A-Za-z0-9_:.]*)(?:=\"([^\"]*)\")?");

    private Chromium() {}

    /** Chromium's binary; skips the test when there is none, or fails when DG_REQUIRE_BROWSER=1. */
    public static Path binaryOrSkip() {
        Optional<Path> binary = binary();
        assumeTrue(binary.isPresent(), "Chromium is not installed: " + INSTALL_HINT
                + ". Skipping the browser test (set DG_REQUIRE_BROWSER=1 to make this a failure).");
        return binary.get();
    }

    /** Chromium's binary, if there is one (a test can then leave out only its browser part); fails when DG_REQUIRE_BROWSER=1. */
    public static Optional<Path> binary() {
        String configured = System.getenv("DG_CHROMIUM");
        Path binary = configured == null || configured.isBlank() ? DEFAULT_CHROMIUM : Path.of(configured);
        if (Files.isExecutable(binary)) {
            return Optional.of(binary);
        }
        if ("1".equals(System.getenv("DG_REQUIRE_BROWSER"))) {
            fail("Chromium is not installed (no executable " + binary + "): " + INSTALL_HINT
                    + ". DG_REQUIRE_BROWSER=1 makes this a failure instead of a skip.");
        }
        return Optional.empty();
    }

    /**
     * Flags for a quiet, self-contained headless run: a fresh profile each time, no first-run or background
     * traffic, and virtual time, so that the page's timers (the 5 s refresh) run at once instead of in real time;
     * the dump or screenshot happens when the budget is spent.
     */
    private static List<String> command(Path chromium, Path profile) {
        return new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--virtual-time-budget=10000"));
    }

    /** The page's DOM after its scripts ran (the profile and dump live in {@code dir}; Chromium's log goes to {@code log}). */
    public static String dumpDom(Path chromium, Path dir, String url, Path log) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("chromium-dom-profile"));
        Path out = dir.resolve("dom.html");
        List<String> command = command(chromium, profile);
        command.add("--dump-dom");
        command.add(url);
        run(command, out, log);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG of the page at {@code width} x {@code height}. */
    public static void screenshot(Path chromium, Path dir, String url, Path png, int width, int height, Path log)
            throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("chromium-screenshot-profile"));
        List<String> command = command(chromium, profile);
        command.add("--screenshot=" + png);
        command.add("--window-size=" + width + "," + height);
        command.add(url);
        run(command, dir.resolve("screenshot.out"), log);
    }

    /** Runs Chromium to completion; on timeout kills it and every process it started, then fails. */
    private static void run(List<String> command, Path stdout, Path stderr) throws IOException, InterruptedException {
        Files.createDirectories(stderr.getParent());
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean exited = process.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!exited) {
            killTree(process.toHandle());
            process.waitFor(10, TimeUnit.SECONDS);
            fail("Chromium did not finish within " + BROWSER_TIMEOUT.toSeconds() + " s (killed): " + String.join(" ", command)
                    + "\n" + tail(stderr));
        }
        // Whatever it left behind (it should leave nothing).
        killTree(process.toHandle());
        assertEquals(0, process.exitValue(), "Chromium failed: " + String.join(" ", command) + "\n" + tail(stderr));
    }

    private static void killTree(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().collect(Collectors.toList());
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The last lines of Chromium's log, without its D-Bus complaints (there is no session bus in a container). */
    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.contains("dbus")).collect(Collectors.toList());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }


    /** The attributes of {@code <main>} in the dumped DOM (Chromium serializes them as name="value"). */
    public static Map<String, String> mainAttributes(String dom) {
        Matcher main = MAIN_TAG.matcher(dom);
        assertTrue(main.find(), "no <main> in the dumped DOM: " + dom.substring(0, Math.min(dom.length(), 500)));
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(main.group(1));
        while (attribute.find()) {
            String value = attribute.group(2) == null ? "" : attribute.group(2);
            attributes.put(attribute.group(1), value.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        return attributes;
    }
}
