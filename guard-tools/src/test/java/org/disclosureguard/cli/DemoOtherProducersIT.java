package org.disclosureguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.disclosureguard.app.TopicPlan;
import org.disclosureguard.demo.EventFeeder;
import org.disclosureguard.embedded.EmbeddedKafka;
import org.disclosureguard.embedded.FreePorts;
import org.disclosureguard.pipeline.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records someone else wrote to the demo's input topic are screened and checked with the demo's own: the summary
 * says how many there were, counts every decision the check counts, and they do not fail the demo (it exited 1,
 * without a line saying why).
 */
class DemoOtherProducersIT {

    @Test
    void recordsFromOtherProducersAreReportedAndDoNotFailTheDemo(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start()) {
            Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            broker.createTopics(TopicPlan.newTopics(Topics.defaults(), 3, (short) 1));
            EventFeeder other = new EventFeeder(client, Topics.defaults().input(), 200, 0.0, 99, 7);
            other.run();
            assertEquals(7, other.produced());

            Path config = Files.writeString(dir.resolve("demo.properties"), "guard.http.port=" + FreePorts.pick() + "\n");
            // The demo prints its progress and summary to the console.
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            PrintStream original = System.out;
            int exit;
            System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
            try {
                exit = Main.commandLine().execute("demo", "--config", config.toString(),
                        "--bootstrap-servers", broker.bootstrapServers(), "--duration", "3", "--rate", "20");
            } finally {
                System.setOut(original);
            }
            String summary = console.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, summary);
            assertEquals(7, number(summary, "others sent\\s+(\\d+)  records from other producers"), summary);
            long sent = number(summary, "sent\\s+(\\d+)");
            long decided = number(summary, "forward\\s+(\\d+)") + number(summary, "forward redacted\\s+(\\d+)")
                    + number(summary, "hold\\s+(\\d+)") + number(summary, "reject\\s+(\\d+)");
            assertEquals(sent + 7, decided, "the summary counts every record the check counted: " + summary);
        }
    }

    private static long number(String text, String regex) {
        Matcher matcher = Pattern.compile("(?m)^\\s+" + regex).matcher(text);
        assertTrue(matcher.find(), regex + " in " + text);
        return Long.parseLong(matcher.group(1));
    }
}
