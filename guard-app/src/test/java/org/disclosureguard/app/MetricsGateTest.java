package org.disclosureguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.reload.PolicyReloader;
import org.disclosureguard.review.PeerToken;
import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.auth.UserStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** guard.http.metrics.auth: the metrics for users whose role reads them, the instances' part for the peer token. */
class MetricsGateTest {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static HttpEndpoints start() {
        return HttpEndpoints.start(0, () -> KafkaStreams.State.RUNNING,
                () -> new PolicyReloader.Status("p", "1", "bundled", Instant.now(), null));
    }

    private static HttpResponse<String> get(HttpEndpoints http, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheSettingTheMetricsAreOpen() throws Exception {
        try (HttpEndpoints http = start()) {
            http.serveMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), MetricsGate.open());
            assertEquals(200, get(http, "/metrics", null).statusCode());
        }
    }

    @Test
    void metricsAnswerOnlyRolesThatReadThem(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.yaml");
        UserStore.addOrReplace(users, "prom", Role.METRICS, "prom-password-12".toCharArray());
        UserStore.addOrReplace(users, "ada", Role.AUDITOR, "ada-password-123".toCharArray());
        UserStore.addOrReplace(users, "rita", Role.REVIEWER, "rita-password-12".toCharArray());
        MetricsGate gate = MetricsGate.of(UserStore.load(users), PeerToken.of(users));
        try (HttpEndpoints http = start()) {
            http.serveMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), gate);
            http.addContext("/instances-only", gate.instances(ctx -> ctx.result("part")));

            HttpResponse<String> anonymous = get(http, "/metrics", null);
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), anonymous.headers().toString());
            assertEquals(401, get(http, "/metrics", basic("prom", "wrong-password-1")).statusCode());
            assertEquals(403, get(http, "/metrics", basic("rita", "rita-password-12")).statusCode(), "a reviewer's role reads no metrics");
            assertEquals(200, get(http, "/metrics", basic("prom", "prom-password-12")).statusCode());
            assertEquals(200, get(http, "/metrics", basic("ada", "ada-password-123")).statusCode());

            assertEquals(401, get(http, "/instances-only", null).statusCode());
            assertEquals(401, get(http, "/instances-only", basic("ada", "ada-password-123")).statusCode(), "people are not instances");
            assertEquals(401, get(http, "/instances-only", "Bearer 00").statusCode());
            HttpResponse<String> peer = get(http, "/instances-only", PeerToken.of(users).header());
            assertEquals(200, peer.statusCode());
            assertEquals("part", peer.body());
        }
    }
}
