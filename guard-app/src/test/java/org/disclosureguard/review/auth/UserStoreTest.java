package org.disclosureguard.review.auth;

import org.disclosureguard.pipeline.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file: loading with every problem reported, sign-in, lock-out, adding and updating users. */
class UserStoreTest {
    private static final int FAST = PasswordHashTest.FAST;
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));

    private static String hash(String password) {
        return PasswordHash.hash(password.toCharArray(), FAST);
    }

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private UserStore store() throws Exception {
        return UserStore.load(file("users:\n"
                + "  - name: alice\n    role: reviewer\n    password: " + hash("alice-password") + "\n"
                + "  - name: bob\n    role: AUDITOR\n    password: " + hash("bob-password") + "\n"
                + "  - name: carol@example.org\n    role: admin\n    password: " + hash("carol-password") + "\n"), clock);
    }

    @Test
    void usersSignInWithTheirRole() throws Exception {
        UserStore users = store();
        assertEquals(3, users.size());
        assertEquals(Optional.of(new Principal("alice", Role.REVIEWER)), users.authenticate("alice", "alice-password".toCharArray()));
        assertEquals(Optional.of(new Principal("bob", Role.AUDITOR)), users.authenticate("bob", "bob-password".toCharArray()));
        assertEquals(Role.ADMIN, users.authenticate("carol@example.org", "carol-password".toCharArray()).orElseThrow().role());
        assertTrue(users.authenticate("alice", "bob-password".toCharArray()).isEmpty());
        assertTrue(users.authenticate("Alice", "alice-password".toCharArray()).isEmpty(), "names are case-sensitive");
        assertTrue(users.authenticate("alice", null).isEmpty());
        assertFalse(users.toString().contains("pbkdf2"), "no hashes in toString");
    }

    @Test
    void rolesGrantWhatTheySay() {
        assertTrue(Role.REVIEWER.canViewPayloads() && Role.REVIEWER.canDecide() && !Role.REVIEWER.canAudit());
        assertTrue(!Role.AUDITOR.canViewPayloads() && !Role.AUDITOR.canDecide() && Role.AUDITOR.canAudit());
        assertTrue(Role.ADMIN.canViewPayloads() && Role.ADMIN.canDecide() && Role.ADMIN.canAudit());
        assertEquals(Optional.of(Role.AUDITOR), Role.parse(" Auditor "));
        assertEquals(Optional.empty(), Role.parse("root"));
    }

    @Test
    void anUnknownUserIsRefused() throws Exception {
        UserStore users = store();
        assertTrue(users.authenticate("mallory", "alice-password".toCharArray()).isEmpty());
        assertTrue(users.authenticate("", "x".toCharArray()).isEmpty());
        assertTrue(users.authenticate(null, "x".toCharArray()).isEmpty());
        assertTrue(users.authenticate("alice\nforged log line", "alice-password".toCharArray()).isEmpty());
    }

    @Test
    void fiveFailuresWithinTheWindowLockTheNameOutEvenForTheRightPassword() throws Exception {
        UserStore users = store();
        for (int i = 0; i < UserStore.MAX_FAILURES - 1; i++) {
            assertTrue(users.authenticate("alice", "guess".toCharArray()).isEmpty());
            clock.advance(Duration.ofMinutes(3));
        }
        assertFalse(users.lockedOut("alice"), "four failures are not enough");
        assertTrue(users.authenticate("alice", "guess".toCharArray()).isEmpty()); // the fifth, 12 minutes after the first
        assertTrue(users.lockedOut("alice"));
        assertFalse(users.lockedOut("bob"), "only that name");

        assertTrue(users.authenticate("alice", "alice-password".toCharArray()).isEmpty(), "refused while locked out");
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertTrue(users.lockedOut("alice"));
        assertTrue(users.authenticate("alice", "alice-password".toCharArray()).isEmpty(), "still locked out");
        clock.advance(Duration.ofSeconds(1));
        assertFalse(users.lockedOut("alice"));
        assertEquals(Optional.of(new Principal("alice", Role.REVIEWER)), users.authenticate("alice", "alice-password".toCharArray()),
                "accepted after the lock-out");
    }

    /**
     * Anyone who can reach the console could type wrong passwords for a reviewer's name: that locks the name from the
     * typist's address only, and the reviewer signs in from her own.
     */
    @Test
    void aLockOutHoldsForTheAddressThatFailedNotForTheOwnerElsewhere() throws Exception {
        UserStore users = store();
        for (int i = 0; i < UserStore.MAX_FAILURES; i++) {
            assertTrue(users.authenticate("alice", "guess".toCharArray(), "203.0.113.9").isEmpty());
        }
        assertTrue(users.lockedOut("alice", "203.0.113.9"));
        assertTrue(users.authenticate("alice", "alice-password".toCharArray(), "203.0.113.9").isEmpty(), "not from there");
        assertFalse(users.lockedOut("alice", "10.1.2.3"));
        assertEquals(Optional.of(new Principal("alice", Role.REVIEWER)), users.authenticate("alice", "alice-password".toCharArray(), "10.1.2.3"),
                "the owner signs in from her own address");
    }

    @Test
    void guessingFromManyAddressesLocksTheNameEverywhereUntilAnAdminUnlocksIt() throws Exception {
        UserStore users = store();
        for (int i = 0; i < UserStore.MAX_NAME_FAILURES; i++) {
            assertTrue(users.authenticate("alice", "guess".toCharArray(), "198.51.100." + (i / 2)).isEmpty());
        }
        assertTrue(users.lockedOut("alice", "10.1.2.3"), "fifty failures from twenty-five addresses lock the name everywhere");
        assertTrue(users.authenticate("alice", "alice-password".toCharArray(), "10.1.2.3").isEmpty());
        assertFalse(users.lockedOut("bob", "10.1.2.3"));
        assertTrue(users.unlock("alice"), "it was locked");
        assertFalse(users.lockedOut("alice", "10.1.2.3"));
        assertFalse(users.lockedOut("alice", "198.51.100.3"), "every address's lock-out is lifted too");
        assertEquals(Optional.of(new Principal("alice", Role.REVIEWER)), users.authenticate("alice", "alice-password".toCharArray(), "10.1.2.3"));
        assertFalse(users.unlock("bob"), "nothing to lift");
        assertTrue(users.exists("alice") && !users.exists("mallory"));
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotLock() throws Exception {
        UserStore users = store();
        for (int i = 0; i < 10; i++) {
            assertTrue(users.authenticate("alice", "guess".toCharArray()).isEmpty());
            clock.advance(Duration.ofMinutes(4)); // never five within 15 minutes
        }
        assertFalse(users.lockedOut("alice"));
        assertTrue(users.authenticate("alice", "alice-password".toCharArray()).isPresent());
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() throws Exception {
        UserStore users = store();
        for (int i = 0; i < 4; i++) {
            users.authenticate("alice", "typo".toCharArray());
        }
        assertTrue(users.authenticate("alice", "alice-password".toCharArray()).isPresent());
        users.authenticate("alice", "typo".toCharArray());
        assertFalse(users.lockedOut("alice"));
    }

    @Test
    void unknownNamesAreLockedOutLikeKnownOnes() throws Exception {
        UserStore users = store();
        for (int i = 0; i < UserStore.MAX_FAILURES; i++) {
            users.authenticate("mallory", "guess".toCharArray());
        }
        assertTrue(users.lockedOut("mallory"), "a lock-out that only known names get would reveal them");
    }

    @Test
    void parallelGuessesCannotGetPastTheLimit() throws Exception {
        UserStore users = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<Principal>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                char[] guess = (i == 39 ? "alice-password" : "guess-" + i).toCharArray();
                results.add(pool.submit(() -> users.authenticate("alice", guess)));
            }
            int attemptsRefused = 0;
            for (Future<Optional<Principal>> result : results) {
                attemptsRefused += result.get().isEmpty() ? 1 : 0;
            }
            assertTrue(users.lockedOut("alice"));
            assertTrue(attemptsRefused >= 39);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void everyProblemInTheFileIsReportedAtOnce() throws Exception {
        Path file = file("users:\n"
                + "  - name: alice\n    role: reviewer\n    password: " + hash("a-password") + "\n"
                + "  - name: alice\n    role: admin\n    password: " + hash("b-password") + "\n"
                + "  - name: dave\n    role: superuser\n    password: " + hash("c-password") + "\n"
                + "  - name: erin\n    role: auditor\n    password: plaintext\n"
                + "  - name: frank\n    role: auditor\n    password: " + hash("d-password") + "\n    email: f@example.org\n"
                + "  - name: \"bad name\"\n    role: auditor\n    password: " + hash("e-password") + "\n"
                + "  - role: reviewer\n"
                + "groups: []\n");
        UserStoreException e = assertThrows(UserStoreException.class, () -> UserStore.load(file, clock));
        List<String> problems = e.problems();
        assertEquals(List.of(
                "unknown key 'groups' at the top level (expected: users)",
                "user #2 (alice): duplicate name, also user #1",
                "user #3 (dave): unknown role 'superuser' (expected reviewer, auditor, admin or metrics)",
                "user #4 (erin): unknown password hash format; expected pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64 (make one with the user-add command)",
                "user #5 (frank): unknown key 'email' (expected name, role, password)",
                "user #6: the name 'bad name' is not 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit",
                "user #7: no name",
                "user #7: no password hash (set one with user-add)"), problems);
        assertTrue(e.getMessage().startsWith("users file " + file + " is invalid:\n  - unknown key 'groups'"), e.getMessage());
    }

    @Test
    void malformedFilesAreReportedClearly() throws Exception {
        assertProblem("users:\n  - name: alice\n   role: [unclosed\n", "not valid YAML");
        assertProblem("users:\n  - name: alice\n    name: bob\n    role: admin\n", "not valid YAML: Duplicate field 'name'");
        assertProblem("", "the file is empty");
        assertProblem("users: []\n", "no users");
        assertProblem("- alice\n", "the top level must be a mapping");
        assertProblem("users: alice\n", "'users' must be a list");
        assertProblem("users:\n  - alice\n", "user #1: must be a mapping");
        assertProblem("users:\n  - name: 7\n    role: admin\n    password: " + hash("x-password") + "\n", "user #1: the name must be text");
        UserStoreException missing = assertThrows(UserStoreException.class, () -> UserStore.load(dir.resolve("nope.yaml")));
        assertTrue(missing.problems().get(0).startsWith("no such file"), missing.getMessage());
    }

    private void assertProblem(String yaml, String expected) throws Exception {
        Path file = file(yaml);
        UserStoreException e = assertThrows(UserStoreException.class, () -> UserStore.load(file, clock), yaml);
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith(expected), e.getMessage());
    }

    @Test
    void addOrReplaceCreatesThenUpdatesTheFile() throws Exception {
        Path file = dir.resolve("conf/review-users.yaml");
        UserStore.addOrReplace(file, "alice", Role.REVIEWER, "first-password".toCharArray(), FAST);
        UserStore.addOrReplace(file, "bob", Role.AUDITOR, "bob-password".toCharArray(), FAST);
        UserStore users = UserStore.load(file, clock);
        assertEquals(2, users.size());
        assertEquals(Optional.of(new Principal("alice", Role.REVIEWER)), users.authenticate("alice", "first-password".toCharArray()));

        char[] newPassword = "second-password".toCharArray();
        UserStore.addOrReplace(file, "alice", Role.ADMIN, newPassword, FAST);
        assertEquals("second-password", new String(newPassword), "the caller's array is the caller's");
        users = UserStore.load(file, clock);
        assertEquals(2, users.size());
        assertTrue(users.authenticate("alice", "first-password".toCharArray()).isEmpty());
        assertEquals(Optional.of(new Principal("alice", Role.ADMIN)), users.authenticate("alice", "second-password".toCharArray()));
        assertEquals(Optional.of(new Principal("bob", Role.AUDITOR)), users.authenticate("bob", "bob-password".toCharArray()));

        String yaml = Files.readString(file);
        assertTrue(yaml.indexOf("name: alice") < yaml.indexOf("name: bob"), "order kept:\n" + yaml);
        assertFalse(yaml.contains("password: \""), "hashes unquoted:\n" + yaml);
        assertFalse(yaml.contains("second-password"));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var listing = Files.list(file.getParent())) {
            assertEquals(List.of(file), listing.toList(), "no temporary files left");
        }
    }

    @Test
    void addOrReplaceRefusesBadInputAndLeavesAnInvalidFileAlone() throws Exception {
        Path file = file("users:\n  - name: alice\n    role: wizard\n    password: x\n");
        String before = Files.readString(file);
        assertThrows(UserStoreException.class, () -> UserStore.addOrReplace(file, "bob", Role.AUDITOR, "pw-123456".toCharArray(), FAST));
        assertEquals(before, Files.readString(file));
        Path fresh = dir.resolve("fresh.yaml");
        assertThrows(IllegalArgumentException.class, () -> UserStore.addOrReplace(fresh, "bad:name", Role.AUDITOR, "pw-123456".toCharArray(), FAST));
        assertThrows(IllegalArgumentException.class, () -> UserStore.addOrReplace(fresh, "bob", Role.AUDITOR, new char[0], FAST));
        assertFalse(Files.exists(fresh));
        Path empty = file("");
        UserStore.addOrReplace(empty, "bob", Role.AUDITOR, "pw-123456".toCharArray(), FAST);
        assertTrue(UserStore.load(empty, clock).authenticate("bob", "pw-123456".toCharArray()).isPresent());
    }

    @Test
    void namesThatLookLikeNumbersSurviveTheRoundTrip() throws Exception {
        Path file = dir.resolve("users.yaml");
        UserStore.addOrReplace(file, "007", Role.REVIEWER, "pw-123456".toCharArray(), FAST);
        UserStore.addOrReplace(file, "1e3", Role.REVIEWER, "pw-123456".toCharArray(), FAST);
        UserStore.addOrReplace(file, "true", Role.REVIEWER, "pw-123456".toCharArray(), FAST);
        UserStore users = UserStore.load(file, clock);
        for (String name : List.of("007", "1e3", "true")) {
            assertEquals(name, users.authenticate(name, "pw-123456".toCharArray()).orElseThrow().name());
        }
    }
}
