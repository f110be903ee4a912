package org.disclosureguard.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the app's HTTP server listens: where, over what, and how much it takes from a client.
 *
 * @param port              0: any free port
 * @param bindAddress       the interface to listen on; empty: every interface when that is allowed (TLS, or plain
 *                          HTTP explicitly allowed), else the loopback interface
 * @param plainAllowed      plain HTTP may listen on other interfaces than loopback (behind a TLS-terminating proxy)
 * @param keyStore          PKCS12 or JKS key store with the server's certificate; null: plain HTTP
 * @param keyStorePassword  its password
 * @param keyStoreType      PKCS12 or JKS
 * @param idleTimeout       a connection that sends nothing this long is closed (a slow or idle client holds no
 *                          thread meanwhile: the server reads without blocking one)
 * @param maxRequestBytes   largest request body; a larger one is refused with 413 before it is read
 * @param maxThreads        request threads; requests beyond wait in the queue, health checks included
 */
public record HttpSettings(int port, String bindAddress, boolean plainAllowed, Path keyStore, String keyStorePassword,
                           String keyStoreType, Duration idleTimeout, long maxRequestBytes, int maxThreads) {

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_THREADS = 32;

    /** Plain HTTP on the loopback interface, with the default limits: for tests and tools on one machine. */
    public static HttpSettings loopback(int port) {
        return new HttpSettings(port, "", false, null, null, "PKCS12", DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_REQUEST_BYTES,
                DEFAULT_MAX_THREADS);
    }

    public boolean tls() {
        return keyStore != null;
    }

    /** The address to listen on, after the rule: plain HTTP stays on loopback unless allowed. */
    public String effectiveBindAddress() {
        if (bindAddress == null || bindAddress.isBlank()) {
            return tls() || plainAllowed ? "0.0.0.0" : InetAddress.getLoopbackAddress().getHostAddress();
        }
        return bindAddress;
    }

    /**
     * Refuses plain HTTP on an address other hosts reach unless it was allowed: review data and sign-in passwords
     * would cross the network in clear.
     */
    public HttpSettings validated() {
        if (!tls() && !plainAllowed && !isLoopback(effectiveBindAddress())) {
            throw new IllegalArgumentException("plain HTTP on " + effectiveBindAddress() + " would carry sign-in passwords and "
                    + "review data in clear: configure guard.http.tls.keystore.file, bind to a loopback address, or set "
                    + "guard.http.plain.allowed=true behind a TLS-terminating proxy");
        }
        return this;
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("guard.http.bind.address: unknown host " + address, e);
        }
    }
}
