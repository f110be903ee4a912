package org.disclosureguard.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP server a hostile client meets: slow and silent clients hold no thread, idle connections are closed, large
 * bodies are refused unread, every answer has the security headers, plain HTTP stays on loopback unless allowed, and
 * TLS works with a key store and a peer that trusts it.
 */
class WebServerTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpSettings settings(Duration idle, long maxBody, int threads) {
        return new HttpSettings(0, "", false, null, null, "PKCS12", idle, maxBody, threads);
    }

    private static WebServer serverWithHealth(HttpSettings settings) {
        WebServer server = WebServer.start(settings);
        server.addContext("/health/live", ctx -> ctx.result("UP"));
        server.addContext("/echo", ctx -> ctx.result(new String(ctx.bodyInputStream().readAllBytes(), StandardCharsets.UTF_8)));
        return server;
    }

    private static HttpResponse<String> get(WebServer server, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clientsSendingHalfARequestOrABodyByTheByteDoNotStarveTheHealthCheck() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try (WebServer server = serverWithHealth(settings(Duration.ofSeconds(30), 1024 * 1024, 8))) {
            for (int i = 0; i < 40; i++) { // five times the threads: half request lines and headers
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            for (int i = 0; i < 40; i++) { // bodies announced and never sent: these reach a handler, which waits to read
                Socket socket = new Socket("127.0.0.1", server.port());
                socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nab")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            Thread.sleep(300);
            long started = System.nanoTime();
            HttpResponse<String> live = get(server, "/health/live");
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(200, live.statusCode());
            assertTrue(waited < 3_000, "answered after " + waited + " ms beside " + slow.size() + " slow clients");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (WebServer server = serverWithHealth(settings(Duration.ofSeconds(1), 1024 * 1024, 8));
             Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /health/live HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() != -1) {
                // whatever the server says before it closes
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waited >= 800 && waited < 8_000, "closed after " + waited + " ms");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndOneUnderItIsRead() throws Exception {
        try (WebServer server = serverWithHealth(settings(Duration.ofSeconds(30), 1024, 8))) {
            HttpResponse<String> large = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(5_000))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, large.statusCode());
            HttpResponse<String> small = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, small.statusCode());
            assertEquals("hello", small.body());
        }
    }

    @Test
    void everyAnswerHasTheSecurityHeadersAndNoServerVersion() throws Exception {
        try (WebServer server = serverWithHealth(HttpSettings.loopback(0))) {
            for (String path : List.of("/health/live", "/no/such/page", "/health/live/../../etc/passwd")) {
                HttpResponse<String> response = get(server, path);
                WebServer.SECURITY_HEADERS.forEach((name, value) ->
                        assertEquals(value, response.headers().firstValue(name).orElse(null), path + " " + name));
                assertTrue(response.headers().firstValue("Server").isEmpty(), path);
            }
            assertEquals(404, get(server, "/no/such/page").statusCode());
            assertEquals(404, get(server, "/health/liveX").statusCode(), "a mount serves its path and what is under it only");
        }
    }

    @Test
    void plainHttpStaysOnLoopbackUnlessAllowed() {
        HttpSettings everywhere = new HttpSettings(0, "0.0.0.0", false, null, null, "PKCS12", Duration.ofSeconds(30), 1024, 8);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, everywhere::validated);
        assertTrue(refused.getMessage().contains("guard.http.plain.allowed"), refused.getMessage());
        assertEquals("127.0.0.1", HttpSettings.loopback(0).effectiveBindAddress());
        HttpSettings allowed = new HttpSettings(0, "", true, null, null, "PKCS12", Duration.ofSeconds(30), 1024, 8);
        assertEquals("0.0.0.0", allowed.validated().effectiveBindAddress());
    }

    @Test
    void tlsServesWithAKeyStoreAndAPeerTrustingItConnects(@TempDir Path dir) throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "guard", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "guard", "-keystore", keyStore.toString(), "-storepass", "changeit",
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "guard", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", "trustpass");
        HttpSettings tls = new HttpSettings(0, "127.0.0.1", false, keyStore, "changeit", "PKCS12", Duration.ofSeconds(30), 1024, 8);
        try (WebServer server = serverWithHealth(tls)) {
            assertEquals("https", server.scheme());
            PeerClient peer = PeerClient.of(true, trustStore, "trustpass");
            HttpResponse<String> live = peer.client().send(HttpRequest.newBuilder(peer.uri("localhost", server.port(), "/health/live"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode());
            assertTrue(live.headers().firstValue("Strict-Transport-Security").isPresent());
            // A client that does not trust the certificate is refused, and plain HTTP gets no answer.
            assertThrows(SSLHandshakeException.class, () -> CLIENT.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + server.port() + "/health/live")).build(), HttpResponse.BodyHandlers.ofString()));
            assertThrows(Exception.class, () -> CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + server.port() + "/health/live")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, process.exitValue(), output);
    }
}
