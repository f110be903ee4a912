package org.disclosureguard.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.http.HttpRoutes;
import org.disclosureguard.http.HttpSettings;
import org.disclosureguard.http.WebServer;
import org.disclosureguard.reload.PolicyReloader;
import org.disclosureguard.metrics.Granularity;
import org.disclosureguard.metrics.MetricsApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP endpoints, on its one {@link WebServer}:
 * <ul>
 *   <li>{@code /health/live}: 200 unless Kafka Streams has failed for good (ERROR, or shutting down) or stream threads
 *       are in a crash loop ({@link HealthMonitor});</li>
 *   <li>{@code /health/ready}: 200 while Kafka Streams is RUNNING, the cluster answers and there is no crash loop; 503
 *       before, while rebalancing, during an outage and after;</li>
 *   <li>{@code /health}: every check with its status and why (200 when ready, else 503);</li>
 *   <li>{@code /policy}: the policy version in force, since when and from where, and the last refused offer.</li>
 * </ul>
 * and, once Kafka Streams exists, {@code /metrics} and the dashboards ({@link #serveMetrics}, {@link #serveDashboards}).
 * No record content is ever served here.
 */
public final class HttpEndpoints implements HttpRoutes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebServer server;

    private HttpEndpoints(WebServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0: any free port) on the loopback interface, health from Kafka Streams' state alone. */
    public static HttpEndpoints start(int port, Supplier<KafkaStreams.State> state, Supplier<PolicyReloader.Status> policy) {
        Supplier<Map<String, Object>> report = () -> Map.of("state", state.get().name());
        return start(HttpSettings.loopback(port), () -> stateLive(state.get()), () -> state.get() == KafkaStreams.State.RUNNING,
                report, policy);
    }

    /** Starts as {@code settings} say, health from {@code health}'s checks. */
    public static HttpEndpoints start(HttpSettings settings, HealthMonitor health, Supplier<PolicyReloader.Status> policy) {
        return start(settings, health::live, health::ready, health::report, policy);
    }

    static boolean stateLive(KafkaStreams.State now) {
        return now != KafkaStreams.State.ERROR && now != KafkaStreams.State.PENDING_ERROR
                && now != KafkaStreams.State.NOT_RUNNING && now != KafkaStreams.State.PENDING_SHUTDOWN;
    }

    private static HttpEndpoints start(HttpSettings settings, BooleanSupplier live, BooleanSupplier ready,
                                       Supplier<Map<String, Object>> report, Supplier<PolicyReloader.Status> policy) {
        WebServer server = WebServer.start(settings);
        server.addContext("/health/live", ctx -> respondHealth(ctx, live.getAsBoolean(), report.get()));
        server.addContext("/health/ready", ctx -> respondHealth(ctx, ready.getAsBoolean(), report.get()));
        server.addContext("/health", ctx -> respondHealth(ctx, ready.getAsBoolean(), report.get()));
        server.addContext("/policy", ctx -> respond(ctx, 200, policyJson(policy.get())));
        return new HttpEndpoints(server);
    }

    private static void respondHealth(Context ctx, boolean up, Map<String, Object> report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.putAll(report);
        respond(ctx, up ? 200 : 503, body);
    }

    public int port() {
        return server.port();
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return server.scheme();
    }

    /** Adds a handler of its own (the review API and console). */
    @Override
    public void addContext(String path, Handler handler) {
        server.addContext(path, handler);
    }

    /** Adds {@code /metrics}: the Prometheus text format, for anyone. */
    public void serveMetrics(io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry) {
        serveMetrics(registry, MetricsGate.open());
    }

    /** Adds {@code /metrics}: the Prometheus text format, for whom {@code gate} lets through. */
    public void serveMetrics(io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry, MetricsGate gate) {
        server.addContext("/metrics", gate.people(ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape())));
    }

    /**
     * Adds the dashboards: {@code /api/metrics?range=} (the whole group's counts), {@code /api/metrics/local}
     * (this instance's part, for the others), {@code /dashboard} and its static files, and the bundled chart
     * library under {@code /webjars/}.
     */
    public void serveDashboards(MetricsApi api) {
        serveDashboards(api, MetricsGate.open());
    }

    /** As {@link #serveDashboards(MetricsApi)}, the page and its counts for whom {@code gate} lets through. */
    public void serveDashboards(MetricsApi api, MetricsGate gate) {
        server.addContext("/api/metrics/local", gate.instances(ctx -> {
            String body;
            int status = 200;
            try {
                Map<String, String> query = HttpRoutes.query(ctx);
                var granularity = Granularity.valueOf(query.getOrDefault("granularity", "minute")
                        .toUpperCase(java.util.Locale.ROOT));
                body = api.localJson(granularity, java.time.Instant.ofEpochMilli(Long.parseLong(query.get("from"))),
                        java.time.Instant.ofEpochMilli(Long.parseLong(query.get("to"))),
                        Boolean.parseBoolean(query.get("windowsOnly")));
            } catch (RuntimeException e) {
                status = 400;
                body = toJson(Map.of("error", String.valueOf(e.getMessage())));
            }
            sendJson(ctx, status, body);
        }));
        server.addContext("/api/metrics", gate.people(ctx -> {
            String body;
            int status = 200;
            try {
                body = api.dashboardJson(MetricsApi.Range.parse(HttpRoutes.query(ctx).getOrDefault("range", "1h")));
            } catch (IllegalArgumentException e) {
                status = 400;
                body = toJson(Map.of("error", e.getMessage()));
            } catch (RuntimeException e) {
                // A bug must not become an empty reply the dashboard cannot tell from a dead instance.
                LOG.warn("The dashboard's metrics failed: {}", e.toString());
                status = 500;
                body = toJson(Map.of("error", e.getClass().getSimpleName()));
            }
            sendJson(ctx, status, body);
        }));
        server.addContext("/dashboard", gate.people(ctx -> {
            String path = ctx.path();
            serveResource(ctx, path.equals("/dashboard") || path.equals("/dashboard/") ? "web/dashboard.html" : "..");
        }));
        server.addContext("/web", ctx -> serveResource(ctx, "web/" + HttpRoutes.tail(ctx, "/web")));
        server.addContext("/webjars", ctx -> serveResource(ctx, "META-INF/resources/webjars/" + HttpRoutes.tail(ctx, "/webjars")));
    }

    private static void serveResource(Context ctx, String resource) throws IOException {
        if (resource.contains("..") || resource.endsWith("/")) {
            ctx.status(404);
            return;
        }
        try (InputStream in = HttpEndpoints.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                ctx.status(404);
                return;
            }
            ctx.contentType(contentType(resource)).result(in.readAllBytes());
        }
    }

    private static String contentType(String resource) {
        if (resource.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (resource.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (resource.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (resource.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }

    private static void sendJson(Context ctx, int status, String json) {
        ctx.status(status).contentType("application/json").header("Cache-Control", "no-store").result(json);
    }

    private static Map<String, Object> policyJson(PolicyReloader.Status status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", status.id());
        json.put("version", status.version());
        json.put("source", status.source());
        json.put("since", status.since().toString());
        if (status.lastRefusal() != null) {
            PolicyReloader.Refusal refusal = status.lastRefusal();
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("source", refusal.source());
            refused.put("version", refusal.version());
            refused.put("at", refusal.at().toString());
            refused.put("problems", refusal.problems());
            json.put("lastRefused", refused);
        }
        return json;
    }

    private static void respond(Context ctx, int status, Map<String, ?> body) {
        String method = ctx.method().name();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            ctx.status(405);
            return;
        }
        sendJson(ctx, status, toJson(body));
    }

    private static String toJson(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps always serialize", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
