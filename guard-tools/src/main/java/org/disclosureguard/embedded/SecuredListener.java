package org.disclosureguard.embedded;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An extra client listener for the embedded broker: SASL over TLS ({@value #NAME}) with {@value #MECHANISM}
 * authentication, the server certificate taken from a keystore. Clients do not present certificates
 * ({@code ssl.client.auth=none}); they authenticate with a SCRAM user, created after start-up with
 * {@link EmbeddedKafka#createScramUser(String, String)}.
 *
 * <p>The PLAINTEXT listener stays: the broker's inter-broker traffic and the bootstrap admin that creates the
 * SCRAM users use it. No authorizer is configured, so an authenticated user may do anything.
 *
 * @param keystore         the broker's key and certificate (its names should match {@link BrokerConfig#HOST})
 * @param keystorePassword the keystore's password, also the key's
 * @param keystoreType     {@code PKCS12} or {@code JKS}
 */
public record SecuredListener(Path keystore, String keystorePassword, String keystoreType) {

    /** The listener's name, which is also its security protocol. */
    public static final String NAME = "SASL_SSL";
    /** The only SASL mechanism the listener accepts. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    public SecuredListener {
        keystore = keystore.toAbsolutePath();
    }

    /** A listener whose server certificate is in a PKCS12 keystore. */
    public static SecuredListener pkcs12(Path keystore, String keystorePassword) {
        return new SecuredListener(keystore, keystorePassword, "PKCS12");
    }

    /**
     * The listener-scoped server properties ({@code listener.name.sasl_ssl.*}); the listener itself (its
     * address and protocol) is added by {@link BrokerConfig}.
     */
    Map<String, String> serverProperties() {
        String prefix = "listener.name." + NAME.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> p = new TreeMap<>();
        p.put(prefix + "sasl.enabled.mechanisms", MECHANISM);
        // The server side of SCRAM needs a login module but no credentials: users live in the cluster metadata.
        p.put(prefix + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        p.put(prefix + "ssl.keystore.location", keystore.toString());
        p.put(prefix + "ssl.keystore.password", keystorePassword);
        p.put(prefix + "ssl.keystore.type", keystoreType);
        p.put(prefix + "ssl.client.auth", "none");
        return p;
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "SecuredListener{" + NAME + "/" + MECHANISM + ", keystore=" + keystore + " (" + keystoreType + ")}";
    }
}
