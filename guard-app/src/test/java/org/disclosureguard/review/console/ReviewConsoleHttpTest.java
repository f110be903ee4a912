package org.disclosureguard.review.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;
import org.disclosureguard.app.HttpEndpoints;
import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.auth.UserStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, sessions, CSRF and headers over HTTP, without a broker (no page here reaches the review service). */
class ReviewConsoleHttpTest {
    @TempDir
    static Path dir;
    private static HttpEndpoints http;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient(); // follows no redirects, keeps no cookies

    @BeforeAll
    static void start() throws Exception {
        Path users = dir.resolve("users.yaml");
        UserStore.addOrReplace(users, "rita", Role.REVIEWER, "rita-password-1".toCharArray());
        UserStore.addOrReplace(users, "ada", Role.AUDITOR, "ada-password-12".toCharArray());
        UserStore.addOrReplace(users, "lou", Role.REVIEWER, "lou-password-12".toCharArray());
        http = HttpEndpoints.start(0, () -> KafkaStreams.State.CREATED, () -> null);
        new ReviewConsole(null, UserStore.load(users)).register(http);
        base = "http://localhost:" + http.port();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void theLoginPageSetsAStrictDoubleSubmitCookieAndSecurityHeaders() throws Exception {
        HttpResponse<String> page = get("/review/login", null);
        assertEquals(200, page.statusCode());
        assertSecurityHeaders(page);
        String cookie = setCookie(page, ConsoleSessions.LOGIN_COOKIE);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"), cookie);
        String token = value(cookie);
        assertTrue(page.body().contains("name=\"csrf\" value=\"" + token + "\""), "the form repeats the cookie's token");
        assertTrue(page.body().contains("<label for=\"username\">") && page.body().contains("<label for=\"password\">"));
        assertTrue(page.body().contains("class=\"skip-link\" href=\"#main\""));
    }

    @Test
    void signInNeedsTheMatchingLoginToken() throws Exception {
        String token = value(setCookie(get("/review/login", null), ConsoleSessions.LOGIN_COOKIE));
        HttpResponse<String> noCookie = post("/review/login", null, "csrf=" + token + "&username=rita&password=rita-password-1");
        assertEquals(403, noCookie.statusCode());
        assertTrue(setCookieOrNull(noCookie, ConsoleSessions.SESSION_COOKIE) == null);
        HttpResponse<String> wrongField = post("/review/login", ConsoleSessions.LOGIN_COOKIE + "=" + token,
                "csrf=other&username=rita&password=rita-password-1");
        assertEquals(403, wrongField.statusCode());
    }

    @Test
    void failedSignInsLookAlike() throws Exception {
        HttpResponse<String> unknown = login("nobody", "whatever-password");
        HttpResponse<String> wrong = login("lou", "not-lou-password");
        assertEquals(401, unknown.statusCode());
        assertEquals(401, wrong.statusCode());
        assertTrue(unknown.body().contains("Sign-in failed."));
        for (int i = 0; i < 4; i++) {
            login("lou", "not-lou-password");
        }
        HttpResponse<String> locked = login("lou", "lou-password-12");
        assertEquals(401, locked.statusCode(), "locked out after five failures, even with the right password");
        assertTrue(locked.body().contains("Sign-in failed.") && !locked.body().toLowerCase().contains("lock"), locked.body());
    }

    @Test
    void aSessionCookieIsStrictAndPostsNeedTheSessionsCsrfToken() throws Exception {
        HttpResponse<String> signedIn = login("ada", "ada-password-12");
        assertEquals(303, signedIn.statusCode());
        String cookie = setCookie(signedIn, ConsoleSessions.SESSION_COOKIE);
        for (String attribute : List.of("Path=/review", "HttpOnly", "Secure", "SameSite=Strict")) {
            assertTrue(cookie.contains(attribute), cookie);
        }
        String session = ConsoleSessions.SESSION_COOKIE + "=" + value(cookie);
        assertEquals("/review", signedIn.headers().firstValue("Location").orElse(""));
        assertSecurityHeaders(signedIn);

        assertEquals("/review/history", get("/review", session).headers().firstValue("Location").orElse(""), "an auditor starts at the history");
        assertEquals(403, get("/review/records/in-x-0-1", session).statusCode(), "auditors see no payloads");
        assertEquals(403, get("/review/records", session).statusCode());

        HttpResponse<String> forbidden = get("/review/records", session);
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(forbidden.body());
        assertTrue(csrf.find(), "every page's sign-out form carries the token");
        assertEquals(403, post("/review/logout", session, "csrf=wrong").statusCode(), "a forged sign-out is refused");
        assertEquals(403, post("/review/logout", session, "").statusCode());
        assertEquals(403, get("/review/records", session).statusCode(), "still signed in");
        HttpResponse<String> out = post("/review/logout", session, "csrf=" + csrf.group(1));
        assertEquals(303, out.statusCode());
        assertTrue(setCookie(out, ConsoleSessions.SESSION_COOKIE).contains("Max-Age=0"));
        assertEquals("/review/login", get("/review/records", session).headers().firstValue("Location").orElse(""), "signed out");
    }

    @Test
    void withoutASessionEveryPageSendsYouToSignIn() throws Exception {
        for (String path : List.of("/review", "/review/records", "/review/records/in-x-0-1", "/review/history")) {
            HttpResponse<String> page = get(path, null);
            assertEquals(303, page.statusCode(), path);
            assertEquals("/review/login", page.headers().firstValue("Location").orElse(""));
            assertSecurityHeaders(page);
        }
        assertEquals(303, post("/review/records/in-x-0-1/decide", "dg_review_session=forged", "csrf=x&action=confirm_hold").statusCode());
    }

    @Test
    void theStyleSheetIsServed() throws Exception {
        HttpResponse<String> css = get("/review/console.css", null);
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains(":focus-visible"));
    }

    // ---------------------------------------------------------------- helpers

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"));
    }

    private static HttpResponse<String> login(String user, String password) throws Exception {
        String token = value(setCookie(get("/review/login", null), ConsoleSessions.LOGIN_COOKIE));
        return post("/review/login", ConsoleSessions.LOGIN_COOKIE + "=" + token, "csrf=" + token + "&username=" + enc(user) + "&password=" + enc(password));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String setCookieOrNull(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    private static String setCookie(HttpResponse<?> response, String name) {
        String cookie = setCookieOrNull(response, name);
        assertFalse(cookie == null, "no " + name + " cookie in " + response.headers().allValues("Set-Cookie"));
        return cookie;
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
