package org.disclosureguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.reload.PolicyReloader;
import org.junit.jupiter.api.Test;

/**
 * Clients that send half a request hold the JDK server's pool threads while it waits for the rest: before, four of
 * them froze every endpoint, health checks included. Now the server closes a request that has not arrived within its
 * time limit, so a health check is answered soon after however many such clients there are. (Runs in a JVM of its
 * own: the limit is read when the JVM's first HTTP server is made.)
 */
class HttpSlowClientsTest {
    @Test
    void clientsSendingHalfARequestDoNotStarveTheHealthCheck() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try (HttpEndpoints http = HttpEndpoints.start(0, () -> KafkaStreams.State.RUNNING, () -> (PolicyReloader.Status) null)) {
            for (int i = 0; i < HttpEndpoints.THREADS + 4; i++) {
                Socket socket = new Socket("localhost", http.port());
                OutputStream out = socket.getOutputStream();
                out.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII)); // and no end
                out.flush();
                slow.add(socket);
            }
            Thread.sleep(300);
            long started = System.nanoTime();
            HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + http.port() + "/health/live")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long waited = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, live.statusCode(), live.body());
            assertTrue(waited < (HttpEndpoints.DEFAULT_MAX_REQUEST_SECONDS + 5) * 1000L,
                    "answered after " + waited + " ms, with " + slow.size() + " clients sending half a request");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }
}
