package org.disclosureguard.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;

/**
 * A minimal client of the Confluent Schema Registry REST API: the five calls the guard needs, with caching,
 * timeouts, basic authentication and a custom truststore. Hand-written because Confluent's client is not
 * obtainable here and Apicurio's serdes resolve ids through Apicurio's own API, which ties them to one
 * registry; these calls work against Confluent, Apicurio (ccompat), Karapace and Redpanda alike.
 * Schema ids are immutable in every such registry, so schemas by id are cached for the life of the process.
 * Thread-safe.
 */
public final class RegistryClient {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A schema as registered under a subject. */
    public record Registered(String subject, int id, int version, Schema schema) {}

    private final RegistrySettings settings;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    public RegistryClient(RegistrySettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.requestTimeout());
        if (settings.truststore() != null) {
            builder.sslContext(sslContext(settings));
        }
        this.http = builder.build();
    }

    public RegistrySettings settings() {
        return settings;
    }

    /** The schema with this id (cached). */
    public Schema schemaById(int id) throws RegistryException {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", "/schemas/ids/" + id, null);
        Schema schema = parse(answer.path("schema").asText(), "schema id " + id);
        schemasById.put(id, schema);
        return schema;
    }

    /** Registers {@code schema} under {@code subject} (idempotent in the registry) and returns its id (cached). */
    public int register(String subject, Schema schema) throws RegistryException {
        String key = subject + "\n" + schema;
        Integer cached = idsBySubjectAndSchema.get(key);
        if (cached != null) {
            return cached;
        }
        int id = call("POST", "/subjects/" + encode(subject) + "/versions", body(schema)).path("id").asInt(-1);
        if (id < 0) {
            throw new RegistryException.Refused(200, "the registry answered the registration under " + subject + " without an id");
        }
        idsBySubjectAndSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** The id of {@code schema} if it is registered under {@code subject}; empty if it is not. */
    public OptionalInt lookup(String subject, Schema schema) throws RegistryException {
        try {
            // normalize: match the schema whatever its formatting (Confluent canonicalizes anyway; Apicurio compares text)
            return OptionalInt.of(call("POST", "/subjects/" + encode(subject) + "?normalize=true", body(schema)).path("id").asInt());
        } catch (RegistryException.NotFound e) {
            return OptionalInt.empty();
        }
    }

    /** The latest version registered under {@code subject}; empty if the subject does not exist. */
    public Optional<Registered> latest(String subject) throws RegistryException {
        try {
            JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
            return Optional.of(new Registered(subject, answer.path("id").asInt(), answer.path("version").asInt(),
                    parse(answer.path("schema").asText(), subject + " latest")));
        } catch (RegistryException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Whether {@code schema} may be registered under {@code subject} by the subject's compatibility rule. */
    public boolean compatibleWithLatest(String subject, Schema schema) throws RegistryException {
        return call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/latest", body(schema))
                .path("is_compatible").asBoolean(false);
    }

    private JsonNode call(String method, String path, String body) throws RegistryException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url() + path))
                .timeout(settings.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        if (settings.userInfo() != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(settings.userInfo().getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RegistryException.Unavailable("the schema registry at " + settings.url() + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException.Unavailable("interrupted while calling the schema registry", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new RegistryException.Refused(status, "the schema registry answered " + method + " " + path + " with something not JSON");
            }
        }
        String detail = method + " " + path + " -> HTTP " + status + errorMessage(response.body());
        if (status == 404) {
            throw new RegistryException.NotFound(detail);
        }
        if (status >= 500 || status == 408 || status == 429) {
            throw new RegistryException.Unavailable("the schema registry failed: " + detail, null);
        }
        throw new RegistryException.Refused(status, "the schema registry refused " + detail);
    }

    private static String errorMessage(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error.has("message")) {
                return " (" + (error.has("error_code") ? error.get("error_code").asText() + ": " : "") + error.get("message").asText() + ")";
            }
        } catch (IOException | RuntimeException e) {
            // not a JSON error body; the status says enough
        }
        return "";
    }

    private static String body(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        body.put("schemaType", "AVRO");
        return body.toString();
    }

    private static Schema parse(String text, String what) throws RegistryException {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new RegistryException.Refused(200, "the schema registry returned an invalid Avro schema for " + what + ": " + e.getMessage());
        }
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SSLContext sslContext(RegistrySettings settings) {
        try (InputStream in = Files.newInputStream(settings.truststore())) {
            KeyStore trust = KeyStore.getInstance(settings.truststoreType());
            trust.load(in, settings.truststorePassword() == null ? null : settings.truststorePassword().toCharArray());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the schema registry truststore " + settings.truststore() + ": " + e.getMessage(), e);
        }
    }
}
