package org.disclosureguard.dashboard;

import org.disclosureguard.testsupport.Guards;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.synthetic.CaseEventGenerator;
import org.disclosureguard.verify.AuditTrail;
import org.disclosureguard.testsupport.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: the guard on an embedded broker screens synthetic events, and headless Chromium
 * (a separate process, Debian's {@code chromium}) loads {@code /dashboard}, runs its script against
 * {@code /api/metrics} and must show exactly the decisions the audit topic holds. The page exposes its state as
 * {@code data-*} attributes on {@code <main id="main">} (see src/main/resources/web/dashboard.js); the test reads
 * them from Chromium's {@code --dump-dom} and keeps a screenshot at {@code target/dashboard.png}.
 *
 * <p>Without Chromium the test is skipped (with how to install it), unless {@code DG_REQUIRE_BROWSER=1} (CI), when
 * it fails. {@code DG_CHROMIUM} may point at another Chromium or Chrome binary.
 */
class DashboardBrowserIT {
    private static final int EVENTS = 500;
    private static final double RATE_PER_SECOND = 500;
    private static final double POISON_SHARE = 0.02;
    private static final String RANGE = "15m";
    private static final String TITLE = "Disclosure Guard \u2014 blocked disclosures";
    private static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final int WIDTH = 1366;
    private static final int HEIGHT = 900;
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path SCREENSHOT = TARGET.resolve("dashboard.png");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void theDashboardShowsTheDecisionsTheAuditTopicHolds(@TempDir Path dir) throws Exception {
        Path chromium = chromiumOrSkip();

        try (EmbeddedKafka broker = EmbeddedKafka.start()) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Topics topics = new Topics("input-" + suffix, "enforcement-" + suffix, "review-" + suffix, "audit-" + suffix);
            broker.createTopics(TopicPlan.newTopics(topics, 2, (short) 1));
            Map<String, Object> clientSettings = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            String applicationId = "guard-dashboard-it-" + suffix;

            try (GuardApp app = Guards.start(applicationId, broker.bootstrapServers(), topics,
                    Policy.bundled(), appSettings(clientSettings, applicationId, topics, dir.resolve("state")))) {
                assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "the guard did not start: " + app.state());
                String base = "http://127.0.0.1:" + app.httpPort();

                EventFeeder feeder = new EventFeeder(clientSettings, topics.input(), RATE_PER_SECOND, POISON_SHARE, 5, EVENTS);
                feeder.run();
                assertEquals(EVENTS, feeder.produced());

                await(() -> AuditTrail.read(clientSettings, topics.audit(), Duration.ofSeconds(30)).size() >= EVENTS,
                        Duration.ofSeconds(90), () -> "decisions on the audit topic: "
                                + AuditTrail.read(clientSettings, topics.audit(), Duration.ofSeconds(30)).size() + " of " + EVENTS);
                List<ScreeningDecision> audit = AuditTrail.read(clientSettings, topics.audit(), Duration.ofSeconds(30));
                assertEquals(EVENTS, audit.size(), "one decision per input");
                Map<Decision, Long> audited = new EnumMap<>(Decision.class);
                for (Decision decision : Decision.values()) {
                    audited.put(decision, 0L);
                }
                audit.forEach(d -> audited.merge(d.getDecision(), 1L, Long::sum));
                assertTrue(audited.get(Decision.REJECT) > 0, "2% poison pills give rejects: " + audited);

                // The aggregation lags the audit topic by a commit or two: wait until it has counted every input.
                String apiUrl = base + "/api/metrics?range=" + RANGE;
                await(() -> totalOf(metricsOrNull(apiUrl)) == EVENTS, Duration.ofSeconds(60),
                        () -> "GET " + apiUrl + " totals: " + describe(metricsOrNull(apiUrl)));
                JsonNode metrics = metricsOrNull(apiUrl);
                assertNotNull(metrics);
                for (Decision decision : Decision.values()) {
                    assertEquals((long) audited.get(decision), metrics.path("totals").path(decision.name()).asLong(),
                            "API total of " + decision + " vs the audit topic " + audited + ": " + metrics.path("totals"));
                }
                assertTrue(metrics.path("top").path("rule").size() > 0, "the API lists no rule: " + metrics.path("top"));
                String apiBody = get(apiUrl).body();
                for (String text : CaseEventGenerator.therapyDerivedTexts()) {
                    assertFalse(apiBody.contains(text), "the metrics API carries record text: " + text);
                }

                // What the browser will load, with the content types it needs (nosniff-safe).
                assertServed(base + "/dashboard", "text/html");
                assertServed(base + "/web/dashboard.js", "javascript");
                assertServed(base + "/web/dashboard.css", "text/css");
                assertServed(base + ECHARTS, "javascript");

                String pageUrl = base + "/dashboard?range=" + RANGE;
                String dom = dumpDom(chromium, dir, pageUrl);
                Files.createDirectories(TARGET);
                Files.writeString(TARGET.resolve("dashboard-dom.html"), dom, StandardCharsets.UTF_8);
                assertTrue(dom.contains("<title>" + TITLE + "</title>"), "not the dashboard page: " + head(dom));
                Map<String, String> state = mainAttributes(dom);
                assertEquals("true", state.get("data-loaded"), "the page never loaded /api/metrics: " + state + banner(dom));
                assertEquals("false", state.get("data-error"), "the page shows a refresh error: " + state + banner(dom));
                assertEquals("echarts", state.get("data-charts"), "ECharts did not load from " + ECHARTS + ": " + state);
                assertEquals(RANGE, state.get("data-range"), "the ?range= parameter was not applied: " + state);
                assertEquals(EVENTS, number(state, "data-total-decisions"), "total decisions on the page vs the API: " + state);
                assertEquals((long) audited.get(Decision.HOLD), number(state, "data-totals-hold"), state.toString());
                assertEquals((long) audited.get(Decision.REJECT), number(state, "data-totals-reject"), state.toString());
                assertEquals((long) audited.get(Decision.FORWARD_REDACTED), number(state, "data-totals-forward-redacted"), state.toString());
                assertEquals((long) audited.get(Decision.FORWARD), number(state, "data-totals-forward"), state.toString());
                assertTrue(number(state, "data-series-points") >= 1, "no point in the time series: " + state);
                assertTrue(number(state, "data-top-rules") >= 1, "no top rule on the page: " + state);
                assertTrue(number(state, "data-refreshes") >= 1, state.toString());
                assertTrue(dom.matches("(?s).*<time id=\"last-updated\" datetime=\"[^\"]+\">[^<]+</time>.*"),
                        "no visible 'last updated' time");
                for (String text : CaseEventGenerator.therapyDerivedTexts()) {
                    assertFalse(dom.contains(text), "the page shows record text: " + text);
                }

                screenshot(chromium, dir, pageUrl);
                assertScreenshot(SCREENSHOT);
            }
        }
    }

    // ------------------------------------------------------------------ the app

    private static Map<String, Object> appSettings(Map<String, Object> clientSettings, String applicationId, Topics topics, Path stateDir) {
        Map<String, Object> settings = new LinkedHashMap<>(clientSettings);
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.putAll(GuardConfig.topicSettings(topics));
        settings.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 10000);
        settings.put(GuardConfig.HTTP_PORT, 0); // any free port: app.httpPort()
        return settings;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The API's answer, or null while it is not there yet (not started, 503, not JSON). */
    private JsonNode metricsOrNull(String url) {
        try {
            HttpResponse<String> response = get(url);
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long totalOf(JsonNode metrics) {
        if (metrics == null) {
            return -1;
        }
        long total = 0;
        for (JsonNode count : metrics.path("totals")) {
            total += count.asLong();
        }
        return total;
    }

    private static String describe(JsonNode metrics) {
        return metrics == null ? "(no answer)" : metrics.path("totals") + " (sum " + totalOf(metrics) + " of " + EVENTS + ")";
    }

    private void assertServed(String url, String contentType) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), "GET " + url);
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.toLowerCase().contains(contentType), "GET " + url + ": Content-Type '" + type + "', expected " + contentType);
        assertTrue(response.body().length > 0, "GET " + url + ": empty");
    }

    private static void await(BooleanSupplier condition, Duration timeout, Supplier<String> status) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s; " + status.get());
            }
            Thread.sleep(500);
        }
    }

    // ------------------------------------------------------------------ the browser

    private static Path chromiumOrSkip() {
        return Chromium.binaryOrSkip();
    }

    private static String dumpDom(Path chromium, Path dir, String url) throws IOException, InterruptedException {
        return Chromium.dumpDom(chromium, dir, url, TARGET.resolve("dashboard-chromium-dom.log"));
    }

    private static void screenshot(Path chromium, Path dir, String url) throws IOException, InterruptedException {
        Files.deleteIfExists(SCREENSHOT);
        Chromium.screenshot(chromium, dir, url, SCREENSHOT, WIDTH, HEIGHT, TARGET.resolve("dashboard-chromium-screenshot.log"));
    }

    static Map<String, String> mainAttributes(String dom) {
        return Chromium.mainAttributes(dom);
    }

    // ------------------------------------------------------------------ the page's state

    private static long number(Map<String, String> state, String attribute) {
        String value = state.get(attribute);
        assertNotNull(value, "the page does not set " + attribute + ": " + state);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new AssertionError(attribute + " is not a whole number: '" + value + "' in " + state, e);
        }
    }

    private static String banner(String dom) {
        Matcher banner = Pattern.compile("<div id=\"error-banner\"[^>]*>([^<]*)</div>").matcher(dom);
        return banner.find() && !banner.group(1).isBlank() ? "; error banner: " + banner.group(1) : "";
    }

    private static String head(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
    }

    private static void assertScreenshot(Path png) throws IOException {
        assertTrue(Files.isRegularFile(png), "no screenshot at " + png);
        long size = Files.size(png);
        assertTrue(size > 20_000, "the screenshot is suspiciously small (" + size + " bytes): " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not a PNG");
        assertEquals(WIDTH, image.getWidth(), "screenshot width");
        assertEquals(HEIGHT, image.getHeight(), "screenshot height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        assertTrue(colours.size() > 32, "the screenshot is nearly blank (" + colours.size() + " colours): " + png);
    }
}
