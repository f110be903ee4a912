package org.disclosureguard.review.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.disclosureguard.pipeline.MutableClock;
import org.disclosureguard.review.auth.Principal;
import org.disclosureguard.review.auth.Role;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
    private static final Principal RITA = new Principal("rita", Role.REVIEWER);

    @Test
    void tokensAre256RandomBitsInBase64Url() {
        ConsoleSessions sessions = new ConsoleSessions();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = sessions.newToken();
            assertEquals(43, token.length(), token);
            assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            assertTrue(seen.add(token), "tokens do not repeat");
        }
    }

    @Test
    void aSessionIsFoundByItsTokenOnlyAndHasItsOwnCsrfToken() {
        ConsoleSessions sessions = new ConsoleSessions();
        ConsoleSessions.Created a = sessions.create(RITA);
        ConsoleSessions.Created b = sessions.create(RITA);
        assertNotEquals(a.token(), b.token(), "a new sign-in is a new session");
        assertNotEquals(a.session().csrfToken(), b.session().csrfToken());
        assertNotEquals(a.token(), a.session().csrfToken(), "the CSRF token is not the session token");
        assertSame(a.session(), sessions.find(a.token()).orElseThrow());
        assertEquals(RITA, sessions.find(b.token()).orElseThrow().principal());
        assertTrue(sessions.find(a.token() + "x").isEmpty());
        assertTrue(sessions.find("").isEmpty());
        assertTrue(sessions.find(null).isEmpty());
        assertTrue(sessions.find("x".repeat(5000)).isEmpty());
    }

    @Test
    void csrfTokensAreCheckedExactly() {
        ConsoleSessions.Session session = new ConsoleSessions().create(RITA).session();
        String token = session.csrfToken();
        assertTrue(session.csrfMatches(token));
        assertFalse(session.csrfMatches(null));
        assertFalse(session.csrfMatches(""));
        assertFalse(session.csrfMatches(token.substring(1)));
        assertFalse(session.csrfMatches(token + "A"));
        assertFalse(session.csrfMatches(token.toUpperCase()));
        char[] changed = token.toCharArray();
        changed[20] = changed[20] == 'A' ? 'B' : 'A';
        assertFalse(session.csrfMatches(new String(changed)));
    }

    @Test
    void theLoginFormIsADoubleSubmitCheck() {
        String token = new ConsoleSessions().newToken();
        assertTrue(ConsoleSessions.loginCsrfMatches(token, token));
        assertFalse(ConsoleSessions.loginCsrfMatches(null, token), "no cookie");
        assertFalse(ConsoleSessions.loginCsrfMatches(token, null), "no field");
        assertFalse(ConsoleSessions.loginCsrfMatches("", ""), "empty never matches");
        assertFalse(ConsoleSessions.loginCsrfMatches(token, new ConsoleSessions().newToken()));
    }

    @Test
    void sessionsExpireAfterThirtyIdleMinutesAndEachRequestRestartsTheClock() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        ConsoleSessions sessions = new ConsoleSessions(new SecureRandom(), clock, ConsoleSessions.IDLE_TIMEOUT);
        assertEquals(Duration.ofMinutes(30), ConsoleSessions.IDLE_TIMEOUT);
        String token = sessions.create(RITA).token();
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(token).isPresent(), "29 idle minutes: still signed in");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(token).isPresent(), "the last request restarted the idle time");
        clock.advance(Duration.ofMinutes(30));
        assertTrue(sessions.find(token).isEmpty(), "30 idle minutes: signed out");
        assertTrue(sessions.find(token).isEmpty());
        assertEquals(0, sessions.size(), "an expired session is dropped");
    }

    @Test
    void expiredSessionsAreDroppedWhenOthersSignIn() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        ConsoleSessions sessions = new ConsoleSessions(new SecureRandom(), clock, Duration.ofMinutes(30));
        sessions.create(RITA);
        sessions.create(RITA);
        clock.advance(Duration.ofMinutes(31));
        sessions.create(RITA);
        assertEquals(1, sessions.size());
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleSessions sessions = new ConsoleSessions();
        String token = sessions.create(RITA).token();
        sessions.invalidate(token);
        assertTrue(sessions.find(token).isEmpty());
        sessions.invalidate(null); // harmless
    }

    @Test
    void noticesAreShownOnce() {
        ConsoleSessions.Session session = new ConsoleSessions().create(RITA).session();
        ConsoleViews.Notice notice = ConsoleViews.Notice.outcome("success", "Outcome: CONFIRMED_HOLD", List.of());
        session.notice("in-0-1", notice);
        assertEquals(Optional.of(notice), session.takeNotice("in-0-1"));
        assertTrue(session.takeNotice("in-0-1").isEmpty());
    }

    @Test
    void cookiesAreHttpOnlySecureStrictAndScoped() {
        String session = ConsoleSessions.sessionCookie("abc");
        assertTrue(session.startsWith("dg_review_session=abc;"), session);
        assertTrue(session.contains("; Path=/review;"), session);
        assertTrue(session.contains("; HttpOnly"), session);
        assertTrue(session.contains("; Secure"), session);
        assertTrue(session.contains("; SameSite=Strict"), session);
        assertFalse(session.contains("Max-Age") || session.contains("Expires"), "a browser-session cookie: " + session);
        String login = ConsoleSessions.loginCookie("def");
        assertTrue(login.startsWith("dg_review_login=def;") && login.contains("; Path=/review/login;") && login.contains("; HttpOnly")
                && login.contains("; Secure") && login.contains("; SameSite=Strict"), login);
        String gone = ConsoleSessions.expiredCookie(ConsoleSessions.SESSION_COOKIE, "/review");
        assertTrue(gone.startsWith("dg_review_session=;") && gone.contains("Max-Age=0") && gone.contains("Path=/review"), gone);
    }

    @Test
    void cookieHeadersAreParsed() {
        List<String> headers = List.of("a=1; dg_review_session=tok-en_1 ; other=x", "dg_review_login=L");
        assertEquals(Optional.of("tok-en_1"), ConsoleSessions.cookieValue(headers, "dg_review_session"));
        assertEquals(Optional.of("L"), ConsoleSessions.cookieValue(headers, "dg_review_login"));
        assertTrue(ConsoleSessions.cookieValue(headers, "dg_review").isEmpty());
        assertTrue(ConsoleSessions.cookieValue(null, "a").isEmpty());
    }
}
