package org.disclosureguard.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The test registry itself: it speaks the Confluent-compatible API (register, fetch by id, unknown id), and can be
 * stopped (the port refuses connections) and restarted on the same port, empty (in-memory storage).
 */
class ApicurioRegistryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    /** With a property the registry does not know: it must come back byte for byte. */
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Note\",\"namespace\":\"org.example\","
            + "\"doc\":\"A note\",\"fields\":[{\"name\":\"text\",\"type\":\"string\",\"disclosure\":\"therapy\"}]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Timeout(180)
    void registersAndServesSchemasAndRestartsEmptyOnTheSamePort() throws Exception {
        try (ApicurioRegistry registry = ApicurioRegistry.start()) {
            assertTrue(registry.ccompatUrl().matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7"), registry.ccompatUrl());

            HttpResponse<String> registered = post(registry.ccompatUrl() + "/subjects/notes-value/versions",
                    Map.of("schema", SCHEMA, "schemaType", "AVRO"));
            assertEquals(200, registered.statusCode(), registered.body());
            int id = JSON.readTree(registered.body()).get("id").asInt();
            assertTrue(id > 0, registered.body());
            HttpResponse<String> again = post(registry.ccompatUrl() + "/subjects/notes-value/versions", Map.of("schema", SCHEMA));
            assertEquals(id, JSON.readTree(again.body()).get("id").asInt(), "the same schema again: the same id");

            HttpResponse<String> fetched = get(registry.ccompatUrl() + "/schemas/ids/" + id);
            assertEquals(200, fetched.statusCode(), fetched.body());
            assertEquals(SCHEMA, JSON.readTree(fetched.body()).get("schema").asText(), "byte for byte, unknown properties kept");

            HttpResponse<String> unknown = get(registry.ccompatUrl() + "/schemas/ids/987654");
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertEquals(40403, JSON.readTree(unknown.body()).get("error_code").asInt(), unknown.body());

            registry.stop();
            assertFalse(registry.isRunning());
            assertThrows(ConnectException.class, () -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), registry.port())) {
                    socket.getPort();
                }
            }, "nothing listens after stop()");

            registry.restart();
            assertTrue(registry.isRunning());
            HttpResponse<String> forgotten = get(registry.ccompatUrl() + "/schemas/ids/" + id);
            assertEquals(404, forgotten.statusCode(), "in-memory storage starts empty: " + forgotten.body());
            HttpResponse<String> reRegistered = post(registry.ccompatUrl() + "/subjects/notes-value/versions",
                    Map.of("schema", SCHEMA, "schemaType", "AVRO"));
            assertEquals(200, reRegistered.statusCode(), reRegistered.body());
            JsonNode versions = JSON.readTree(get(registry.ccompatUrl() + "/subjects/notes-value/versions").body());
            assertEquals("[1]", versions.toString(), "a fresh registry: version 1 again");
        }
    }

    private HttpResponse<String> post(String url, Map<String, String> body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
