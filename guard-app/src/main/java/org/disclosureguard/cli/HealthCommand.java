package org.disclosureguard.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** For container health checks (the JRE image has no curl): asks a running guard whether it is ready. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Asks a running guard's HTTP endpoint whether it is healthy; for container health checks.",
                "Exit status: 0 when it answers 200, 1 otherwise (not ready, or no answer)."})
final class HealthCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://localhost:8080/health/ready",
            description = "Endpoint to ask (default: ${DEFAULT-VALUE}; /health/live for liveness).")
    URI url;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "How long to wait for an answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(timeoutSeconds)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200 ? 0 : FriendlyErrors.FAILURE;
        } catch (IOException e) {
            System.out.println("no answer from " + url + ": " + e.getMessage());
            return FriendlyErrors.FAILURE;
        }
    }
}
