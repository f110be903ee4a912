package org.disclosureguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.disclosureguard.app.RunSettings;

/** `run` fails fast, with one clear line and a non-zero exit, on everything it can check before starting. */
class RunCommandTest {
    private static String[] result(String... args) {
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new String[] {Integer.toString(exit), err.toString()};
    }

    private static void assertUserError(String[] result, String expected, String... why) {
        assertEquals("2", result[0], result[1]);
        assertTrue(result[1].contains(expected), result[1]);
        assertFalse(result[1].contains("\tat "), "no stack trace: " + result[1]);
    }

    @Test
    void noClusterGiven(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("empty.properties"), "# nothing\n");
        assertUserError(result("run", "--config", config.toString()), "no Kafka cluster given");
    }

    @Test
    void unreachableClusterAfterTheTimeout() {
        assertUserError(result("run", "--bootstrap-servers", "127.0.0.1:1", "--startup-timeout", "2"),
                "did not answer within 2 s");
    }

    @Test
    void produceToAnUnreachableClusterFailsFastAndSendsNothing(@TempDir Path dir) throws Exception {
        long start = System.nanoTime();
        String[] generated = result("produce", "--bootstrap-servers", "127.0.0.1:1", "--generate", "2", "--startup-timeout", "2");
        assertUserError(generated, "cluster unreachable");
        assertTrue((System.nanoTime() - start) / 1e9 < 20, "within seconds, not the producer's 2 min delivery timeout");
        Path events = Files.writeString(dir.resolve("e.jsonl"), "{}\n");
        assertUserError(result("produce", "--bootstrap-servers", "127.0.0.1:1", "--input", events.toString(),
                "--startup-timeout", "2"), "cluster unreachable");
    }

    @Test
    void policyThatDoesNotLoad(@TempDir Path dir) throws Exception {
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "id: broken\n");
        assertUserError(result("run", "--bootstrap-servers", "127.0.0.1:1", "--policy", policy.toString()), "is invalid");
    }

    @Test
    void badKafkaSetting(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("bad.properties"),
                "bootstrap.servers=127.0.0.1:1\nprocessing.guarantee=sometimes\n");
        assertUserError(result("run", "--config", config.toString(), "--startup-timeout", "2"), "processing.guarantee");
    }

    @Test
    void aSizeLimitTheOutputsCouldNotKeepIsRefused(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("big.properties"),
                "bootstrap.servers=127.0.0.1:1\nguard.max.record.bytes=1000000\nproducer.max.request.size=1000000\n");
        assertUserError(result("run", "--config", config.toString(), "--startup-timeout", "2"), "max.request.size");
        Path raised = Files.writeString(dir.resolve("raised.properties"),
                "bootstrap.servers=127.0.0.1:1\nguard.max.record.bytes=4000000\nproducer.max.request.size=5000000\n");
        assertUserError(result("run", "--config", raised.toString(), "--startup-timeout", "2"), "did not answer",
                "with the producer limit raised the size check passes and the cluster check is next");
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        assertEquals("bootstrap.servers", RunSettings.propertyName("DG_BOOTSTRAP_SERVERS"));
        assertEquals("DG_GUARD_TOPIC_INPUT", RunSettings.environmentVariable("guard.topic.input"));
    }
}
