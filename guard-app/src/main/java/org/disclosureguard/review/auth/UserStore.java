package org.disclosureguard.review.auth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review users, loaded from a YAML file:
 * <pre>
 * users:
 *   - name: alice
 *     role: reviewer
 *     password: pbkdf2-sha256$210000$...$...
 * </pre>
 * Sign-in is locked for {@link #LOCKOUT} after {@link #MAX_FAILURES} failed attempts for a name from one client
 * address within {@link #FAILURE_WINDOW}: only from that address, so that anyone who can reach the console cannot
 * lock a reviewer out by typing wrong passwords for her name. Guessing from many addresses is bounded too: after
 * {@link #MAX_NAME_FAILURES} failures for a name from all addresses together, the name is locked everywhere for
 * {@link #LOCKOUT} (and logged), which an admin can lift ({@link #unlock}). During a lock-out even the right password
 * is refused. Names that do not exist are hashed against a dummy hash and locked out the same way, so neither timing
 * nor lock-out tells which names exist. Attempts for one name from one address are serialized, so parallel guesses
 * cannot get past the limit. Thread-safe.
 */
public final class UserStore {
    public static final int MAX_FAILURES = 5;
    /** Failures for one name from all addresses together that lock the name everywhere. */
    public static final int MAX_NAME_FAILURES = 50;
    /** The address of a caller whose address is not known (a test, a command-line check). */
    public static final String UNKNOWN_ADDRESS = "unknown";
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** 1 to 64 characters, safe in logs, audit records and an HTTP Basic user id (no ':'). */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final String NAME_RULE = "1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit";
    private static final Set<String> USER_KEYS = Set.of("name", "role", "password");
    private static final int PRUNE_AT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(UserStore.class);

    private final String source;
    private final Map<String, Account> accounts;
    private final Clock clock;
    private final String dummyHash;
    private final ConcurrentHashMap<String, Attempts> attempts = new ConcurrentHashMap<>();
    private final AtomicLong lastPruneMillis = new AtomicLong();

    private UserStore(String source, Map<String, Account> accounts, Clock clock) {
        this.source = source;
        this.accounts = Map.copyOf(accounts);
        this.clock = Objects.requireNonNull(clock, "clock");
        // Unknown names are checked against this, at the highest iteration count in the file, so that they take
        // as long as known ones.
        int iterations = accounts.values().stream().mapToInt(a -> PasswordHash.iterations(a.hash())).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
        char[] random = new char[24];
        SecureRandom rnd = new SecureRandom();
        for (int i = 0; i < random.length; i++) {
            random[i] = (char) ('!' + rnd.nextInt(94));
        }
        this.dummyHash = PasswordHash.hash(random, iterations);
        Arrays.fill(random, '\0');
    }

    /** Loads the users file, with the system clock. @throws UserStoreException listing every problem */
    public static UserStore load(Path file) {
        return load(file, Clock.systemUTC());
    }

    /** Loads the users file; the clock times the lock-outs. @throws UserStoreException listing every problem */
    public static UserStore load(Path file, Clock clock) {
        String source = file.toString();
        List<Account> users = parse(read(file), source, false);
        warnAboutPermissions(file);
        Map<String, Account> accounts = new LinkedHashMap<>();
        List<String> weak = new ArrayList<>();
        for (Account account : users) {
            accounts.put(account.name(), account);
            if (PasswordHash.iterations(account.hash()) < PasswordHash.DEFAULT_ITERATIONS) {
                weak.add(account.name());
            }
        }
        if (!weak.isEmpty()) {
            LOG.warn("users file {}: the password hashes of {} have fewer than {} iterations; set their passwords again "
                    + "with user-add", source, String.join(", ", weak), PasswordHash.DEFAULT_ITERATIONS);
        }
        return new UserStore(source, accounts, clock);
    }

    /**
     * The person with this name and password, or empty if the name is unknown, the password wrong, or the name
     * locked out. The caller's password array is left as it was (it is the caller's to zero).
     */
    public Optional<Principal> authenticate(String name, char[] password) {
        return authenticate(name, password, UNKNOWN_ADDRESS);
    }

    /**
     * As {@link #authenticate(String, char[])}, for a caller at {@code address} (its IP address as the server sees
     * it: behind a proxy, the proxy's).
     */
    public Optional<Principal> authenticate(String name, char[] password, String address) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty(); // no such user can exist
        }
        char[] given = password == null ? new char[0] : password;
        String pairKey = pairKey(name, address == null ? UNKNOWN_ADDRESS : address);
        Attempts pair = enter(pairKey);
        Attempts everywhere = enter(name);
        try {
            synchronized (pair) {
                Instant now = clock.instant();
                if (pair.lockedAt(now) || everywhere.lockedAt(now)) {
                    return Optional.empty();
                }
                Account account = accounts.get(name);
                boolean matches = PasswordHash.matches(given, account != null ? account.hash() : dummyHash);
                if (matches && account != null) {
                    pair.failures.clear();
                    return Optional.of(new Principal(account.name(), account.role()));
                }
                if (pair.fail(now, MAX_FAILURES)) {
                    LOG.warn("sign-in for {} from {} locked for {} minutes after {} failed attempts within {} minutes", name,
                            address, LOCKOUT.toMinutes(), MAX_FAILURES, FAILURE_WINDOW.toMinutes());
                }
                boolean lockedEverywhere;
                synchronized (everywhere) {
                    lockedEverywhere = everywhere.fail(now, MAX_NAME_FAILURES);
                }
                if (lockedEverywhere) {
                    LOG.warn("sign-in for {} locked from every address for {} minutes after {} failed attempts within {} minutes "
                            + "(an admin can unlock it)", name, LOCKOUT.toMinutes(), MAX_NAME_FAILURES, FAILURE_WINDOW.toMinutes());
                }
                return Optional.empty();
            }
        } finally {
            Instant now = clock.instant();
            leave(pairKey, now);
            leave(name, now);
            pruneIfLarge(now);
        }
    }

    /** Whether sign-in for this name is locked out now from {@code address} (or everywhere). */
    public boolean lockedOut(String name, String address) {
        if (name == null) {
            return false;
        }
        Instant now = clock.instant();
        Attempts pair = attempts.get(pairKey(name, address));
        Attempts everywhere = attempts.get(name);
        return pair != null && pair.lockedAt(now) || everywhere != null && everywhere.lockedAt(now);
    }

    /** Whether sign-in for this name is locked out now for a caller whose address is not known. */
    public boolean lockedOut(String name) {
        return lockedOut(name, UNKNOWN_ADDRESS);
    }

    /**
     * Lifts every lock-out of a name and forgets its failures, from every address (an admin's decision, logged).
     *
     * @return whether anything was locked
     */
    public boolean unlock(String name) {
        Instant now = clock.instant();
        boolean locked = false;
        for (Map.Entry<String, Attempts> entry : attempts.entrySet()) {
            String key = entry.getKey();
            if (key.equals(name) || key.startsWith(name + '\u0000')) {
                Attempts state = entry.getValue();
                synchronized (state) {
                    locked |= state.lockedAt(now);
                    state.lockedUntil = Instant.MIN;
                    state.failures.clear();
                }
            }
        }
        LOG.info("sign-in for {} unlocked by an admin{}", name, locked ? "" : " (it was not locked)");
        return locked;
    }

    private static String pairKey(String name, String address) {
        return name + '\u0000' + address;
    }

    /** The attempts kept under {@code key}, counted as in use until {@link #leave}. */
    private Attempts enter(String key) {
        return attempts.compute(key, (k, v) -> {
            Attempts s = v == null ? new Attempts() : v;
            s.users++;
            return s;
        });
    }

    private void leave(String key, Instant now) {
        attempts.computeIfPresent(key, (k, v) -> {
            v.users--;
            return v.idle(now) ? null : v;
        });
    }

    /** Whether the users file names this user. */
    public boolean exists(String name) {
        return name != null && accounts.containsKey(name);
    }

    /** How many users the file has. */
    public int size() {
        return accounts.size();
    }

    @Override
    public String toString() {
        return "UserStore[" + source + ", " + accounts.size() + " users]";
    }

    /**
     * Adds a user to the users file, or replaces the role and password of the user with that name, creating the
     * file if it is missing. The file is replaced atomically and, where the file system has POSIX permissions,
     * readable by its owner only (600). The caller's password array is left as it was.
     *
     * @throws IllegalArgumentException for a bad name or an empty password
     * @throws UserStoreException if the existing file is invalid (it is left alone)
     */
    public static void addOrReplace(Path file, String name, Role role, char[] password) throws IOException {
        addOrReplace(file, name, role, password, PasswordHash.DEFAULT_ITERATIONS);
    }

    /** As {@link #addOrReplace(Path, String, Role, char[])}, with another iteration count: for tests. */
    static void addOrReplace(Path file, String name, Role role, char[] password, int iterations) throws IOException {
        Objects.requireNonNull(role, "role");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a user name must be " + NAME_RULE);
        }
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        List<Account> users = new ArrayList<>(Files.exists(file) ? parse(read(file), file.toString(), true) : List.of());
        Account added = new Account(name, role, PasswordHash.hash(password, iterations));
        boolean replaced = false;
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).name().equals(name)) {
                users.set(i, added);
                replaced = true;
            }
        }
        if (!replaced) {
            users.add(added);
        }
        write(file, users);
    }

    /** One user of the file. */
    record Account(String name, Role role, String hash) {
        @Override
        public String toString() {
            return "Account[" + name + ", " + role + "]";
        }
    }

    /** Failed attempts for one name; {@code failures} is guarded by the monitor, {@code users} by the map. */
    private static final class Attempts {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        volatile Instant lockedUntil = Instant.MIN;
        int users;

        boolean lockedAt(Instant now) {
            return now.isBefore(lockedUntil);
        }

        /** Records a failure; true if it starts a lock-out ({@code limit} failures within the window). */
        boolean fail(Instant now, int limit) {
            forgetOld(now);
            failures.addLast(now);
            if (failures.size() >= limit) {
                failures.clear();
                lockedUntil = now.plus(LOCKOUT);
                return true;
            }
            return false;
        }

        private void forgetOld(Instant now) {
            Instant start = now.minus(FAILURE_WINDOW);
            for (Iterator<Instant> it = failures.iterator(); it.hasNext(); ) {
                if (!it.next().isAfter(start)) {
                    it.remove();
                }
            }
        }

        /** Nothing to remember: nobody signing in, not locked, no failure in the window. */
        boolean idle(Instant now) {
            // users is read and written only inside the map's compute functions for this name, so a holder of
            // the monitor (who has users > 0) is never waited for here
            if (users > 0 || lockedAt(now)) {
                return false;
            }
            synchronized (this) {
                forgetOld(now);
                return failures.isEmpty();
            }
        }
    }

    private void pruneIfLarge(Instant now) {
        long last = lastPruneMillis.get();
        if (attempts.size() < PRUNE_AT || now.toEpochMilli() - last < 60_000
                || !lastPruneMillis.compareAndSet(last, now.toEpochMilli())) {
            return;
        }
        for (String name : attempts.keySet()) {
            attempts.computeIfPresent(name, (k, v) -> v.idle(now) ? null : v);
        }
    }

    private static final ObjectMapper READER = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = READER.readTree(in);
            return root == null ? READER.missingNode() : root;
        } catch (JacksonException e) {
            throw new UserStoreException(file.toString(), List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : "")));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserStoreException(file.toString(), List.of("no such file (create it with user-add)"));
        } catch (IOException e) {
            throw new UserStoreException(file.toString(), List.of("cannot read it: " + e));
        }
    }

    /** The users of a parsed file; every problem at once. An empty file is allowed only when adding to it. */
    static List<Account> parse(JsonNode root, String source, boolean emptyAllowed) {
        List<String> problems = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        if (root.isMissingNode() || root.isNull()) {
            if (emptyAllowed) {
                return accounts;
            }
            throw new UserStoreException(source, List.of("the file is empty: expected a 'users' list (add one with user-add)"));
        }
        if (!root.isObject()) {
            throw new UserStoreException(source, List.of("the top level must be a mapping with a 'users' list"));
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!key.equals("users")) {
                problems.add("unknown key '" + printable(key) + "' at the top level (expected: users)");
            }
        });
        JsonNode users = root.get("users");
        if (users == null || users.isNull() || (users.isArray() && users.isEmpty())) {
            if (!emptyAllowed) {
                problems.add("no users: the 'users' list is missing or empty (add one with user-add)");
            }
        } else if (!users.isArray()) {
            problems.add("'users' must be a list of users, each with name, role and password");
        } else {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < users.size(); i++) {
                Account account = user(users.get(i), i + 1, seen, problems);
                if (account != null) {
                    accounts.add(account);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UserStoreException(source, problems);
        }
        return accounts;
    }

    private static Account user(JsonNode node, int number, Map<String, Integer> seen, List<String> problems) {
        String label = "user #" + number;
        if (!node.isObject()) {
            problems.add(label + ": must be a mapping with name, role and password");
            return null;
        }
        JsonNode nameNode = node.get("name");
        String name = null;
        if (nameNode == null || nameNode.isNull() || (nameNode.isTextual() && nameNode.asText().isBlank())) {
            problems.add(label + ": no name");
        } else if (!nameNode.isTextual()) {
            problems.add(label + ": the name must be text (put it in quotes)");
        } else if (!NAME.matcher(nameNode.asText()).matches()) {
            problems.add(label + ": the name '" + printable(nameNode.asText()) + "' is not " + NAME_RULE);
        } else {
            name = nameNode.asText();
            label = label + " (" + name + ")";
            Integer first = seen.putIfAbsent(name, number);
            if (first != null) {
                problems.add(label + ": duplicate name, also user #" + first);
                name = null;
            }
        }
        final String where = label;
        node.fieldNames().forEachRemaining(key -> {
            if (!USER_KEYS.contains(key)) {
                problems.add(where + ": unknown key '" + printable(key) + "' (expected name, role, password)");
            }
        });
        JsonNode roleNode = node.get("role");
        Role role = null;
        if (roleNode == null || roleNode.isNull() || roleNode.asText().isBlank()) {
            problems.add(label + ": no role (expected " + Role.choices() + ")");
        } else {
            role = Role.parse(roleNode.isValueNode() ? roleNode.asText() : null).orElse(null);
            if (role == null) {
                problems.add(label + ": unknown role '" + printable(roleNode.isValueNode() ? roleNode.asText() : roleNode.toString())
                        + "' (expected " + Role.choices() + ")");
            }
        }
        JsonNode passwordNode = node.get("password");
        String hash = null;
        if (passwordNode == null || passwordNode.isNull() || (passwordNode.isTextual() && passwordNode.asText().isBlank())) {
            problems.add(label + ": no password hash (set one with user-add)");
        } else if (!passwordNode.isTextual()) {
            problems.add(label + ": the password must be a hash made by user-add");
        } else {
            String problem = PasswordHash.problem(passwordNode.asText());
            if (problem != null) {
                problems.add(label + ": " + problem);
            } else {
                hash = passwordNode.asText().strip();
            }
        }
        return name != null && role != null && hash != null ? new Account(name, role, hash) : null;
    }

    /** A value from the file, safe to put in a one-line message. */
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static void write(Path file, List<Account> users) throws IOException {
        ObjectNode root = WRITER.createObjectNode();
        ArrayNode list = root.putArray("users");
        for (Account account : users) {
            list.addObject().put("name", account.name()).put("role", account.role().configName()).put("password", account.hash());
        }
        byte[] yaml = ("# Disclosure Guard review users: add or change one with `disclosure-guard user-add`.\n"
                + WRITER.writeValueAsString(root)).getBytes(StandardCharsets.UTF_8);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(ownerOnly)} : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(yaml);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (posix) {
                Files.setPosixFilePermissions(target, ownerOnly);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void warnAboutPermissions(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
                if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                    LOG.warn("users file {} is readable by others ({}); make it 600", file, PosixFilePermissions.toString(permissions));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot check the permissions of {}", file, e);
        }
    }
}
