package org.disclosureguard.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kafka.server.KafkaConfig;

/** The SASL_SSL listener's server properties; SecuredClusterIT runs a broker with them. */
class SecuredListenerTest {

    @Test
    void addsASaslSslScramListenerNextToPlaintext(@TempDir Path dir) {
        SecuredListener listener = SecuredListener.pkcs12(dir.resolve("broker.p12"), "secret-store-password");
        BrokerConfig config = BrokerConfig.of(dir.resolve("logs"), 19092, 19093).withSecuredListener(listener);
        Properties props = config.toProperties();

        KafkaConfig.fromProps(props, false); // the combination is valid for the broker
        String secured = config.securedBootstrapServers();
        int port = Integer.parseInt(secured.substring(secured.lastIndexOf(':') + 1));
        assertNotEquals(19092, port);
        assertNotEquals(19093, port);
        assertEquals("PLAINTEXT://127.0.0.1:19092,SASL_SSL://" + secured + ",CONTROLLER://127.0.0.1:19093",
                props.getProperty("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:19092,SASL_SSL://" + secured, props.getProperty("advertised.listeners"));
        assertEquals("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_SSL:SASL_SSL",
                props.getProperty("listener.security.protocol.map"));
        assertEquals("PLAINTEXT", props.getProperty("inter.broker.listener.name"));
        assertEquals("SCRAM-SHA-512", props.getProperty("listener.name.sasl_ssl.sasl.enabled.mechanisms"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required;",
                props.getProperty("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config"));
        assertEquals(dir.resolve("broker.p12").toAbsolutePath().toString(),
                props.getProperty("listener.name.sasl_ssl.ssl.keystore.location"));
        assertEquals("PKCS12", props.getProperty("listener.name.sasl_ssl.ssl.keystore.type"));
        assertEquals("none", props.getProperty("listener.name.sasl_ssl.ssl.client.auth"));
        assertEquals("127.0.0.1:19092", config.bootstrapServers(), "the PLAINTEXT listener stays");

        assertEquals(secured, config.with("log.segment.bytes", "1048576").securedBootstrapServers(), "copies keep it");
        assertFalse(listener.toString().contains("secret-store-password"));
        assertFalse(config.toString().contains("secret-store-password"));
    }

    @Test
    void withoutOneThereIsNoSecuredAddress(@TempDir Path dir) {
        BrokerConfig config = BrokerConfig.of(dir.resolve("logs"), 19092, 19093);
        assertTrue(config.securedListener().isEmpty());
        assertThrows(IllegalStateException.class, config::securedBootstrapServers);
        assertFalse(config.toProperties().getProperty("listeners").contains("SASL_SSL"));
    }
}
