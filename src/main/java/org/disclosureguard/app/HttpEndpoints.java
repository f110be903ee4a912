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
import org.disclosureguard.reload.PolicyReloader;

/**
 * The app's HTTP endpoints (the JDK's own server: three read-only JSON answers need no framework):
 * <ul>
 *   <li>{@code /health/live}: 200 unless Kafka Streams has failed for good (ERROR, or shutting down);</li>
 *   <li>{@code /health/ready}: 200 once Kafka Streams is RUNNING, 503 before, while rebalancing and after;</li>
 *   <li>{@code /policy}: the policy version in force, since when and from where, and the last refused offer.</li>
 * </ul>
 * No record content is ever served here.
 */
public final class HttpEndpoints implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private HttpEndpoints(HttpServer server) {
        this.server = server;
    }

    /** Starts on {@code port} (0: any free port) on every interface. */
    public static HttpEndpoints start(int port, Supplier<KafkaStreams.State> state, Supplier<PolicyReloader.Status> policy) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "guard-http");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/health/live", exchange -> {
                KafkaStreams.State now = state.get();
                boolean live = now != KafkaStreams.State.ERROR && now != KafkaStreams.State.PENDING_ERROR
                        && now != KafkaStreams.State.NOT_RUNNING && now != KafkaStreams.State.PENDING_SHUTDOWN;
                respond(exchange, live ? 200 : 503, Map.of("status", live ? "UP" : "DOWN", "state", now.name()));
            });
            server.createContext("/health/ready", exchange -> {
                KafkaStreams.State now = state.get();
                boolean ready = now == KafkaStreams.State.RUNNING;
                respond(exchange, ready ? 200 : 503, Map.of("status", ready ? "UP" : "DOWN", "state", now.name()));
            });
            server.createContext("/policy", exchange -> respond(exchange, 200, policyJson(policy.get())));
            server.start();
            return new HttpEndpoints(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve HTTP on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
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
