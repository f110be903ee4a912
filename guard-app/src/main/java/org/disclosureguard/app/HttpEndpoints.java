package org.disclosureguard.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.http.HttpRoutes;
import org.disclosureguard.reload.PolicyReloader;
import org.disclosureguard.metrics.Granularity;
import org.disclosureguard.metrics.MetricsApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's HTTP endpoints (the JDK's own server: a few read-only answers need no framework):
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
    /** The JDK server's setting of how long a request (its line, headers and body) may take to arrive, in seconds. */
    static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";
    /** Its default here, unless the operator set it: a health probe waits for a slow client at most this long. */
    static final int DEFAULT_MAX_REQUEST_SECONDS = 5;
    /** Pool threads: each request holds one while its request line and headers are still arriving. */
    static final int THREADS = 16;

    static {
        // The JDK server reads a request's line and headers on a pool thread, without a timeout of its own: four
        // clients that sent half a request froze every endpoint, health checks included. Its own limit on a request's
        // time closes such connections. It is read once, when the JVM's first HTTP server is made: this class makes it.
        if (System.getProperty(MAX_REQUEST_SECONDS) == null) {
            System.setProperty(MAX_REQUEST_SECONDS, String.valueOf(DEFAULT_MAX_REQUEST_SECONDS));
        }
    }

    private final HttpServer server;

    private HttpEndpoints(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0: any free port) on every interface, health from Kafka Streams' state alone. */
    public static HttpEndpoints start(int port, Supplier<KafkaStreams.State> state, Supplier<PolicyReloader.Status> policy) {
        Supplier<Map<String, Object>> report = () -> Map.of("state", state.get().name());
        return start(port, () -> stateLive(state.get()), () -> state.get() == KafkaStreams.State.RUNNING, report, policy);
    }

    /** Starts on {@code port} (0: any free port) on every interface, health from {@code health}'s checks. */
    public static HttpEndpoints start(int port, HealthMonitor health, Supplier<PolicyReloader.Status> policy) {
        return start(port, health::live, health::ready, health::report, policy);
    }

    static boolean stateLive(KafkaStreams.State now) {
        return now != KafkaStreams.State.ERROR && now != KafkaStreams.State.PENDING_ERROR
                && now != KafkaStreams.State.NOT_RUNNING && now != KafkaStreams.State.PENDING_SHUTDOWN;
    }

    private static HttpEndpoints start(int port, java.util.function.BooleanSupplier live, java.util.function.BooleanSupplier ready,
                                       Supplier<Map<String, Object>> report, Supplier<PolicyReloader.Status> policy) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            // Several threads: a slow dashboard query (it asks the other instances) or a client sending its request
            // slowly (until the request time limit closes it) must not hold up a health check.
            server.setExecutor(Executors.newFixedThreadPool(THREADS, r -> {
                Thread thread = new Thread(r, "guard-http");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/health/live", exchange -> respondHealth(exchange, live.getAsBoolean(), report.get()));
            server.createContext("/health/ready", exchange -> respondHealth(exchange, ready.getAsBoolean(), report.get()));
            server.createContext("/health", exchange -> respondHealth(exchange, ready.getAsBoolean(), report.get()));
            server.createContext("/policy", exchange -> respond(exchange, 200, policyJson(policy.get())));
            server.start();
            return new HttpEndpoints(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve HTTP on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void respondHealth(HttpExchange exchange, boolean up, Map<String, Object> report) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.putAll(report);
        respond(exchange, up ? 200 : 503, body);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Adds a handler of its own (the review API). */
    @Override
    public void addContext(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    /** Adds {@code /metrics}: the Prometheus text format. */
    public void serveMetrics(io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry) {
        server.createContext("/metrics", exchange -> {
            try (exchange) {
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
    }

    /**
     * Adds the dashboards: {@code /api/metrics?range=} (the whole group's counts), {@code /api/metrics/local}
     * (this instance's part, for the others), {@code /dashboard} and its static files, and the bundled chart
     * library under {@code /webjars/}.
     */
    public void serveDashboards(MetricsApi api) {
        server.createContext("/api/metrics/local", exchange -> {
            try (exchange) {
                String body;
                int status = 200;
                try {
                    Map<String, String> query = HttpRoutes.query(exchange);
                    var granularity = Granularity.valueOf(query.getOrDefault("granularity", "minute")
                            .toUpperCase(java.util.Locale.ROOT));
                    body = api.localJson(granularity, java.time.Instant.ofEpochMilli(Long.parseLong(query.get("from"))),
                            java.time.Instant.ofEpochMilli(Long.parseLong(query.get("to"))),
                            Boolean.parseBoolean(query.get("windowsOnly")));
                } catch (RuntimeException e) {
                    status = 400;
                    body = toJson(Map.of("error", String.valueOf(e.getMessage())));
                }
                sendJson(exchange, status, body);
            }
        });
        server.createContext("/api/metrics", exchange -> {
            try (exchange) {
                String body;
                int status = 200;
                try {
                    body = api.dashboardJson(MetricsApi.Range.parse(HttpRoutes.query(exchange).getOrDefault("range", "1h")));
                } catch (IllegalArgumentException e) {
                    status = 400;
                    body = toJson(Map.of("error", e.getMessage()));
                } catch (RuntimeException e) {
                    // A bug must not become an empty reply the dashboard cannot tell from a dead instance.
                    LOG.warn("The dashboard's metrics failed: {}", e.toString());
                    status = 500;
                    body = toJson(Map.of("error", e.getClass().getSimpleName()));
                }
                sendJson(exchange, status, body);
            }
        });
        server.createContext("/dashboard", exchange -> {
            String path = exchange.getRequestURI().getPath();
            serveResource(exchange, path.equals("/dashboard") || path.equals("/dashboard/") ? "web/dashboard.html" : "..");
        });
        server.createContext("/web/", exchange -> serveResource(exchange, "web/" + exchange.getRequestURI().getPath().substring(5)));
        server.createContext("/webjars/", exchange -> serveResource(exchange,
                "META-INF/resources/webjars/" + exchange.getRequestURI().getPath().substring(9)));
    }

    private static void serveResource(HttpExchange exchange, String resource) throws IOException {
        try (exchange) {
            if (resource.contains("..") || resource.endsWith("/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try (java.io.InputStream in = HttpEndpoints.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", contentType(resource));
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
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

    private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
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

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] bytes = toJson(body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
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
        server.stop(0);
    }
}
