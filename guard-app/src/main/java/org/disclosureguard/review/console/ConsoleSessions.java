package org.disclosureguard.review.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.disclosureguard.review.auth.Principal;

/**
 * The review console's sign-in sessions, in memory: a random 256-bit token in an HttpOnly, Secure, SameSite=Strict
 * cookie names a session, which ends after {@link #IDLE_TIMEOUT} without a request or at sign-out. Each session has
 * its own CSRF token for the hidden field of every form; the sign-in form, before any session, is protected by a
 * double-submit cookie. Tokens are compared in constant time; the store keeps only SHA-256 digests of session tokens.
 */
public final class ConsoleSessions {
    public static final String SESSION_COOKIE = "dg_review_session";
    public static final String LOGIN_COOKIE = "dg_review_login";
    public static final String SESSION_PATH = "/review";
    public static final String LOGIN_PATH = "/review/login";
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    /** More sessions than this (after expired ones are dropped) and the oldest idle one goes. */
    static final int MAX_SESSIONS = 10_000;
    private static final int TOKEN_BYTES = 32;

    /** One signed-in person's session. */
    public static final class Session {
        private final Principal principal;
        private final String csrfToken;
        private volatile Instant lastSeen;
        private final Map<String, ConsoleViews.Notice> notices = new ConcurrentHashMap<>();
        private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

        Session(Principal principal, String csrfToken, Instant now) {
            this.principal = principal;
            this.csrfToken = csrfToken;
            this.lastSeen = now;
        }

        public Principal principal() {
            return principal;
        }

        /** The value of every form's hidden {@code csrf} field in this session. */
        public String csrfToken() {
            return csrfToken;
        }

        public Instant lastSeen() {
            return lastSeen;
        }

        /** Whether {@code submitted} is this session's CSRF token (constant time). */
        public boolean csrfMatches(String submitted) {
            return sameToken(csrfToken, submitted);
        }

        /** Keeps a one-time notice for the next page of {@code key} (a record's outcome after a decision). */
        public void notice(String key, ConsoleViews.Notice value) {
            notices.put(key, value);
        }

        /** Keeps what a reviewer typed into a refused form, to fill it again on the record's next page, once. */
        public void draft(String key, Draft draft) {
            drafts.put(key, draft);
        }

        /** The draft for {@code key}, once. */
        public Optional<Draft> takeDraft(String key) {
            return Optional.ofNullable(drafts.remove(key));
        }

        /** The notice for {@code key}, once. */
        public Optional<ConsoleViews.Notice> takeNotice(String key) {
            return Optional.ofNullable(notices.remove(key));
        }
    }

    /** A new session and the token its cookie carries (the only copy of the token). */
    public record Created(String token, Session session) {}

    private final SecureRandom random;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Map<String, Session> byDigest = new ConcurrentHashMap<>();

    public ConsoleSessions() {
        this(new SecureRandom(), Clock.systemUTC(), IDLE_TIMEOUT);
    }

    public ConsoleSessions(SecureRandom random, Clock clock, Duration idleTimeout) {
        this.random = Objects.requireNonNull(random);
        this.clock = Objects.requireNonNull(clock);
        this.idleTimeout = Objects.requireNonNull(idleTimeout);
    }

    /** A fresh random token: 256 bits, base64url without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Starts a session for someone who just signed in (always a new token: no fixation). */
    public Created create(Principal principal) {
        Instant now = clock.instant();
        prune(now);
        String token = newToken();
        Session session = new Session(principal, newToken(), now);
        byDigest.put(digest(token), session);
        return new Created(token, session);
    }

    /** The live session of this cookie token, its idle time restarted; empty if unknown or expired (then dropped). */
    public Optional<Session> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String key = digest(token);
        Session session = byDigest.get(key);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            byDigest.remove(key, session);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** Ends the session of this token (sign-out). */
    public void invalidate(String token) {
        if (token != null && !token.isEmpty() && token.length() <= 100) {
            byDigest.remove(digest(token));
        }
    }

    /** How many sessions are kept (expired ones included until the next prune). */
    public int size() {
        return byDigest.size();
    }

    private boolean expired(Session session, Instant now) {
        return !session.lastSeen.plus(idleTimeout).isAfter(now);
    }

    private void prune(Instant now) {
        byDigest.entrySet().removeIf(e -> expired(e.getValue(), now));
        while (byDigest.size() >= MAX_SESSIONS) {
            byDigest.entrySet().stream().min(java.util.Comparator.comparing(e -> e.getValue().lastSeen))
                    .ifPresent(e -> byDigest.remove(e.getKey(), e.getValue()));
        }
    }

    // ---------------------------------------------------------------- tokens and cookies

    /** Whether two tokens are equal, in time independent of where they differ; null or empty never matches. */
    public static boolean sameToken(String expected, String submitted) {
        if (expected == null || submitted == null || expected.isEmpty() || submitted.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** The login form's double-submit check: the hidden field must equal the pre-session cookie. */
    public static boolean loginCsrfMatches(String cookieValue, String formValue) {
        return sameToken(cookieValue, formValue);
    }

    /** The {@code Set-Cookie} value of a session (a browser-session cookie: no Max-Age). */
    public static String sessionCookie(String token) {
        return cookie(SESSION_COOKIE, token, SESSION_PATH, -1);
    }

    /** The {@code Set-Cookie} value of the sign-in form's double-submit token. */
    public static String loginCookie(String token) {
        return cookie(LOGIN_COOKIE, token, LOGIN_PATH, 3600);
    }

    /** A {@code Set-Cookie} value that deletes a cookie set on {@code path}. */
    public static String expiredCookie(String name, String path) {
        return cookie(name, "", path, 0);
    }

    private static String cookie(String name, String value, String path, long maxAgeSeconds) {
        return name + "=" + value + "; Path=" + path + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "")
                + "; HttpOnly; Secure; SameSite=Strict";
    }

    /** The value of cookie {@code name} in these {@code Cookie} request headers, if present. */
    public static Optional<String> cookieValue(List<String> cookieHeaders, String name) {
        if (cookieHeaders == null) {
            return Optional.empty();
        }
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return Optional.of(pair.substring(eq + 1).strip());
                }
            }
        }
        return Optional.empty();
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A refused form's input: its action, the justification and the cuts as typed. */
    public record Draft(String action, String justification, List<String> cuts) {
        public Draft {
            cuts = cuts == null ? List.of() : List.copyOf(cuts);
        }
    }
}
