package org.disclosureguard.review.auth;

import org.disclosureguard.pipeline.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing of the Authorization header; anything malformed is simply not signed in. */
class HttpBasicAuthTest {
    private static UserStore users;

    @BeforeAll
    static void users(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, "users:\n"
                + "  - name: alice\n    role: reviewer\n    password: " + PasswordHash.hash("s3cret:with colon".toCharArray(), PasswordHashTest.FAST) + "\n"
                + "  - name: jose\n    role: auditor\n    password: " + PasswordHash.hash("pässwörd".toCharArray(), PasswordHashTest.FAST) + "\n");
        users = UserStore.load(file, new MutableClock(java.time.Instant.parse("2025-01-01T00:00:00Z")));
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goodCredentialsSignIn() {
        assertEquals(Optional.of(new Principal("alice", Role.REVIEWER)),
                HttpBasicAuth.authenticate(basic("alice:s3cret:with colon"), users), "the password may contain ':'");
        assertEquals(Optional.of(new Principal("alice", Role.REVIEWER)),
                HttpBasicAuth.authenticate("  basic   " + basic("alice:s3cret:with colon").substring(6) + " ", users),
                "the scheme is case-insensitive");
    }

    @Test
    void passwordsAreUtf8() {
        String header = basic("jose:pässwörd");
        Optional<Principal> principal = HttpBasicAuth.authenticate(header, users);
        assertEquals(Optional.of(new Principal("jose", Role.AUDITOR)), principal);
        String latin1 = "Basic " + Base64.getEncoder().encodeToString("jose:pässwörd".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(HttpBasicAuth.authenticate(latin1, users).isEmpty(), "not UTF-8");
    }

    @Test
    void anythingMalformedIsRefused() {
        assertTrue(HttpBasicAuth.authenticate(null, users).isEmpty());
        assertTrue(HttpBasicAuth.authenticate("", users).isEmpty());
        assertTrue(HttpBasicAuth.authenticate("Basic", users).isEmpty());
        assertTrue(HttpBasicAuth.authenticate("Basic ", users).isEmpty());
        assertTrue(HttpBasicAuth.authenticate("Basic !!!not-base64!!!", users).isEmpty(), "malformed base64");
        assertTrue(HttpBasicAuth.authenticate(basic("alice-s3cret"), users).isEmpty(), "no colon");
        assertTrue(HttpBasicAuth.authenticate(basic(":s3cret:with colon"), users).isEmpty(), "no name");
        assertTrue(HttpBasicAuth.authenticate(basic("alice:"), users).isEmpty(), "no password");
        assertTrue(HttpBasicAuth.authenticate("Bearer " + basic("alice:s3cret:with colon").substring(6), users).isEmpty(), "another scheme");
        assertTrue(HttpBasicAuth.authenticate("Basicx " + basic("alice:s3cret:with colon").substring(6), users).isEmpty());
        assertTrue(HttpBasicAuth.authenticate(basic("alice:wrong"), users).isEmpty(), "wrong password");
        assertTrue(HttpBasicAuth.authenticate("Basic " + "QUFB".repeat(2000), users).isEmpty(), "too long");
    }

    @Test
    void theChallengeNamesTheRealmAndCharset() {
        assertEquals("Basic realm=\"disclosure-guard-review\", charset=\"UTF-8\"", HttpBasicAuth.challenge());
    }
}
