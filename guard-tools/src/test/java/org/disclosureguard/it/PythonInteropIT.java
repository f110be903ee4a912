package org.disclosureguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.disclosureguard.app.GuardApp;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.testsupport.ClusterFixture;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interop guide's Python example (docs/interop/case_events.py: Apache Avro's Python package and confluent-kafka,
 * no registry) against the guard on an embedded broker: its single-object headers are the published ones, its routine
 * note crosses and its retold session does not. Runs where a Python 3 with those packages is found (CI installs
 * Debian's python3-avro and python3-confluent-kafka and sets DG_REQUIRE_PYTHON=1, which makes a missing one a failure).
 */
class PythonInteropIT {
    private static final Path SCRIPT = Path.of("docs", "interop", "case_events.py");
    private static final Path SCHEMAS = Path.of("schemas");

    @Test
    void thePublishedPythonExampleWritesWhatTheGuardReadsAndReadsWhatItWrites(@TempDir Path state) throws Exception {
        String python = pythonWithPackages();
        if (python == null) {
            if ("1".equals(System.getenv("DG_REQUIRE_PYTHON"))) {
                fail("DG_REQUIRE_PYTHON=1 but no python3 imports avro and confluent_kafka");
            }
            Assumptions.abort("no python3 with avro and confluent_kafka");
        }
        try (EmbeddedKafka broker = EmbeddedKafka.start()) {
            ClusterFixture cluster = new ClusterFixture(broker, 3);
            try (GuardApp app = cluster.startApp(state)) {
                Process process = new ProcessBuilder(python, SCRIPT.toString(), "--bootstrap", broker.bootstrapServers(),
                        "--schemas", SCHEMAS.toString(), "--input", cluster.topics.input(),
                        "--enforcement", cluster.topics.enforcement())
                        .redirectErrorStream(true).start();
                boolean ended = process.waitFor(150, TimeUnit.SECONDS);
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!ended) {
                    process.destroyForcibly();
                    fail("the Python example did not end: " + output);
                }
                assertEquals(0, process.exitValue(), "the Python example: " + output);
                assertTrue(output.contains("Youth attended school"), output);
                assertTrue(!output.contains("counseling session"), output);
                cluster.awaitDecisions(2, Duration.ofSeconds(30));
                List<ScreeningDecision> decisions = cluster.auditDecisions();
                assertEquals(2, decisions.size(), decisions.toString());
                assertEquals(List.of(Decision.FORWARD, Decision.HOLD), decisions.stream().map(ScreeningDecision::getDecision)
                        .sorted().toList(), "no REJECT: the headers are a released version's");
            }
        }
    }

    /** A python3 that imports both packages (Debian's, in /usr/bin, first), or null. */
    private static String pythonWithPackages() throws InterruptedException {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process check = new ProcessBuilder(candidate, "-c", "import avro.io, confluent_kafka")
                        .redirectErrorStream(true).start();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException notThere) {
                // try the next one
            }
        }
        return null;
    }
}
