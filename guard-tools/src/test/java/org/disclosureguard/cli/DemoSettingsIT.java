package org.disclosureguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.disclosureguard.embedded.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo reads --config as `run` does and still brings its own broker when the file names no cluster: the
 * guard's HTTP port comes from the file (the demo can be moved off 8080), and the run is clean.
 */
class DemoSettingsIT {

    @Test
    void aConfigWithoutAClusterSetsThePortAndTheEmbeddedBrokerStillStarts(@TempDir Path dir) throws Exception {
        int port = FreePorts.pick();
        Path config = Files.writeString(dir.resolve("demo.properties"),
                "guard.http.port=" + port + "\nguard.review.four.eyes=true\n");
        StringWriter out = new StringWriter();
        CompletableFuture<Integer> demo = CompletableFuture.supplyAsync(() -> {
            var commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(out, true));
            return commandLine.execute("demo", "--config", config.toString(), "--duration", "4", "--rate", "25");
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        boolean answered = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!answered && !demo.isDone() && System.nanoTime() < deadline) {
            try {
                HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/live"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                answered = live.statusCode() == 200;
            } catch (java.io.IOException notYet) {
                Thread.sleep(250);
            }
        }
        int exit = demo.get(180, TimeUnit.SECONDS);
        // The demo prints its progress to the console; the file named no cluster, so only its own broker can have run.
        assertTrue(answered, "the guard did not answer on the configured port " + port + ":\n" + out);
        assertEquals(0, exit, out.toString());
    }
}
