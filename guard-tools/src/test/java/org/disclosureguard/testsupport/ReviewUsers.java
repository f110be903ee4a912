package org.disclosureguard.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.auth.UserStore;

/** The review ITs' users (a reviewer "rita", an auditor "ada") and their signed-in HTTP calls. */
public final class ReviewUsers {
    private ReviewUsers() {}

    /** Writes {@code users.yaml} in {@code dir} with rita (reviewer, "rita-password-1") and ada (auditor, "ada-password-12"). */
    public static Path write(Path dir) throws IOException {
        Path users = dir.resolve("users.yaml");
        UserStore.addOrReplace(users, "rita", Role.REVIEWER, "rita-password-1".toCharArray());
        UserStore.addOrReplace(users, "ada", Role.AUDITOR, "ada-password-12".toCharArray());
        return users;
    }

    /** A POST of a JSON body with HTTP Basic credentials. */
    public static HttpResponse<String> post(String url, String user, String password, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with HTTP Basic credentials. */
    public static HttpResponse<String> get(String url, String user, String password) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
