package org.disclosureguard.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final String TOPIC = "case-records";

    @Test
    @Timeout(120)
    void transactionalRecordsReachReadCommittedConsumerAndTempDirIsDeletedOnClose() {
        Path dataDir;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            dataDir = kafka.dataDir();
            assertTrue(Files.isDirectory(dataDir.resolve("kafka-logs")), "log dir should exist while running");
            assertTrue(kafka.bootstrapServers().startsWith("127.0.0.1:"), kafka.bootstrapServers());

            List<NewTopic> topics = List.of(new NewTopic(TOPIC, 3, (short) 1));
            kafka.createTopics(topics);
            kafka.createTopics(topics); // an existing topic is not an error

            List<ProducerRecord<String, String>> committed = IntStream.range(0, 30)
                    .mapToObj(i -> new ProducerRecord<>(TOPIC, i % 3, "case-" + i, "committed-" + i))
                    .collect(Collectors.toList());
            KafkaTestClients.produceCommitted(kafka.bootstrapServers(), "embedded-test-tx", committed);
            KafkaTestClients.produceAborted(kafka.bootstrapServers(), "embedded-test-tx",
                    List.of(new ProducerRecord<>(TOPIC, 0, "case-x", "aborted")));

            List<ConsumerRecord<String, String>> received =
                    KafkaTestClients.consumeCommitted(kafka.bootstrapServers(), TOPIC, 30, Duration.ofSeconds(30));

            Set<String> values = received.stream().map(ConsumerRecord::value).collect(Collectors.toSet());
            Set<String> expected = committed.stream().map(ProducerRecord::value).collect(Collectors.toSet());
            assertEquals(expected, values, "exactly the committed records, none of the aborted one");
            assertEquals(30, received.size(), "no duplicates");
            assertEquals(Set.of(0, 1, 2), received.stream().map(ConsumerRecord::partition).collect(Collectors.toSet()),
                    "records spread over all three partitions");
        }
        assertFalse(Files.exists(dataDir), "temp data dir should be deleted on close: " + dataDir);
    }

    @Test
    @Timeout(120)
    void restartOnSameDataDirKeepsTopicsAndRecords(@TempDir Path dir) {
        String firstAddress;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            firstAddress = kafka.bootstrapServers();
            kafka.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)));
            KafkaTestClients.produceCommitted(kafka.bootstrapServers(), "restart-tx",
                    List.of(new ProducerRecord<>(TOPIC, "k", "kept")));
        }
        assertTrue(Files.isDirectory(dir.resolve("kafka-logs")), "a caller-owned data dir survives close");

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            // Already formatted: the second start must not re-format (which would fail or wipe the data).
            kafka.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)));
            List<ConsumerRecord<String, String>> received =
                    KafkaTestClients.consumeCommitted(kafka.bootstrapServers(), TOPIC, 1, Duration.ofSeconds(30));
            assertEquals(List.of("kept"), received.stream().map(ConsumerRecord::value).collect(Collectors.toList()),
                    "record written before the restart (first broker was " + firstAddress + ")");
        }
    }
}
