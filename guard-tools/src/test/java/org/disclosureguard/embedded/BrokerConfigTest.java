package org.disclosureguard.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kafka.server.KafkaConfig;

class BrokerConfigTest {

    @Test
    void singleNodePropertiesAreAcceptedByKafkaAndSurviveAFileRoundTrip(@TempDir Path dir) {
        BrokerConfig config = BrokerConfig.of(dir.resolve("logs"), 19092, 19093).with("log.segment.bytes", "1048576");
        Properties props = config.toProperties();

        // KafkaConfig validates the combination (roles, listeners, quorum) the same way the broker does.
        KafkaConfig kafkaConfig = KafkaConfig.fromProps(props, false);
        assertEquals(1, kafkaConfig.nodeId());
        assertEquals("1", props.getProperty("transaction.state.log.replication.factor"));
        assertEquals("1", props.getProperty("transaction.state.log.min.isr"));
        assertEquals("1", props.getProperty("offsets.topic.replication.factor"));
        assertEquals("0", props.getProperty("group.initial.rebalance.delay.ms"));
        assertEquals("false", props.getProperty("auto.create.topics.enable"));
        assertEquals("1@127.0.0.1:19093", props.getProperty("controller.quorum.voters"));
        assertEquals("1048576", props.getProperty("log.segment.bytes"), "overrides win");
        assertEquals("127.0.0.1:19092", config.bootstrapServers());

        Path file = config.writeTo(dir.resolve("server.properties"));
        assertEquals(props, BrokerConfig.read(file));
        assertNotEquals(config.clusterId(), BrokerConfig.of(dir, 1, 2).clusterId(), "fresh cluster id per config");
    }
}
