package org.disclosureguard.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

    /**
     * Signs in to the console at {@code base} through its form, as a browser does (the form's double-submit token
     * in its cookie and field), and returns the session's {@code Cookie} header value.
     */
    public static String consoleSignIn(String base, String user, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/review/login")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("no sign-in form at " + base + ": " + form.statusCode() + " " + form.body());
        }
        String body = "csrf=" + enc(token.group(1)) + "&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/review/login")).timeout(Duration.ofSeconds(10))
                .header("Cookie", cookie(form)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 303) {
            throw new AssertionError("sign-in as " + user + " at " + base + " failed: " + signedIn.statusCode());
        }
        return cookie(signedIn);
    }

    /** A console page with a session from {@link #consoleSignIn}. */
    public static HttpResponse<String> consoleGet(String url, String session) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The non-empty cookies a response sets, as a {@code Cookie} header value. */
    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> !c.endsWith("=")).collect(Collectors.joining("; "));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
