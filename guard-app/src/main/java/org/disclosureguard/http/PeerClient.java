package org.disclosureguard.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How one instance calls another's HTTP endpoints (the review and dashboard answers for the whole group): over HTTPS
 * when the instances serve TLS, checking their certificates against the configured trust store (or the JVM's).
 */
public final class PeerClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client;
    private final String scheme;

    private PeerClient(HttpClient client, String scheme) {
        this.client = client;
        this.scheme = scheme;
    }

    /** Plain HTTP between instances (and for tests). */
    public static PeerClient plain() {
        return new PeerClient(HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(), "http");
    }

    /** HTTPS when {@code tls}, trusting {@code trustStore} (PKCS12) or, when null, the JVM's default trust store. */
    public static PeerClient of(boolean tls, Path trustStore, String trustStorePassword) {
        if (!tls) {
            return plain();
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (trustStore != null) {
            builder.sslContext(trusting(trustStore, trustStorePassword));
        }
        return new PeerClient(builder.build(), "https");
    }

    private static SSLContext trusting(Path trustStore, String password) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    public HttpClient client() {
        return client;
    }

    /** The address of {@code pathAndQuery} on the instance at {@code host}:{@code port}. */
    public URI uri(String host, int port, String pathAndQuery) {
        return URI.create(scheme + "://" + host + ":" + port + pathAndQuery);
    }
}
