package org.disclosureguard.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ForkedKafkaTest {

    private static final String TOPIC = "durable";

    @Test
    @Timeout(120)
    void recordsSurviveKillMinus9AndTheBrokerServesAgainAfterRestart(@TempDir Path dir) throws Exception {
        ForkedKafka kafka = ForkedKafka.start(dir);
        String address = kafka.bootstrapServers();
        long firstPid = kafka.pid();
        long secondPid;
        try {
            assertTrue(isAlive(firstPid), "broker runs in a separate process");
            assertNotEquals(ProcessHandle.current().pid(), firstPid);
            kafka.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)));
            KafkaTestClients.produceAcked(address, List.of(new ProducerRecord<>(TOPIC, "k1", "before-kill")));

            kafka.kill();
            assertFalse(kafka.isAlive());
            assertFalse(isAlive(firstPid), "SIGKILL must leave no broker process");
            assertFalse(BrokerAdmin.acceptsConnections(address), "nobody listens on the broker port after the kill");

            kafka.restart();
            secondPid = kafka.pid();
            assertNotEquals(firstPid, secondPid, "restart launches a new process");
            assertEquals(address, kafka.bootstrapServers(), "restart keeps the address");

            // kill -9 loses nothing the broker acknowledged: the data sits in the OS page cache, not the JVM.
            List<ConsumerRecord<String, String>> afterRestart =
                    KafkaTestClients.consumeCommitted(address, TOPIC, 1, Duration.ofSeconds(30));
            assertEquals(List.of("before-kill"), values(afterRestart));

            // Transactions work after a crash too (the app runs exactly_once_v2).
            KafkaTestClients.produceCommitted(address, "forked-test-tx",
                    List.of(new ProducerRecord<>(TOPIC, "k2", "after-restart")));
            List<ConsumerRecord<String, String>> all =
                    KafkaTestClients.consumeCommitted(address, TOPIC, 2, Duration.ofSeconds(30));
            assertEquals(List.of("before-kill", "after-restart"), values(all));
        } finally {
            kafka.close();
        }
        assertFalse(isAlive(secondPid), "close() must not leave the broker running");
        assertTrue(noBrokerChildren(), "no ForkedBrokerMain child may survive close()");
        assertTrue(Files.exists(kafka.logFile()), "caller-owned data dir (with the broker log) is kept");
    }

    @Test
    @Timeout(120)
    void closeStopsTheBrokerAndDeletesItsTempDir() {
        ForkedKafka kafka = ForkedKafka.start();
        Path dataDir = kafka.dataDir();
        long pid = kafka.pid();
        assertTrue(Files.isRegularFile(kafka.logFile()), "child output goes to " + kafka.logFile());
        kafka.close();
        assertFalse(isAlive(pid), "close() must stop the broker process");
        assertFalse(Files.exists(dataDir), "temp data dir deleted on close: " + dataDir);
        assertTrue(noBrokerChildren(), "no ForkedBrokerMain child may survive close()");
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean noBrokerChildren() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .noneMatch(p -> p.info().arguments()
                        .map(args -> List.of(args).contains(ForkedBrokerMain.class.getName()))
                        .orElse(false));
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).collect(Collectors.toList());
    }
}
