package org.disclosureguard.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The review workflow's records, as JSON (README "Review"): commands a reviewer sends, the decision events the
 * app derives from them on {@code review.decisions}, and the state of one quarantined record. Events carry ids,
 * rule ids, field paths and offsets, never the text of a record.
 */
public final class ReviewModel {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReviewModel() {}

    /** What a reviewer can do with a quarantined record. */
    public enum Action { VIEW, CLAIM, CONFIRM_HOLD, RELEASE_REDACTED, FALSE_POSITIVE, APPROVE, DECLINE }

    /** Where a quarantined record stands. */
    public enum State { PENDING, AWAITING_SECOND_APPROVAL, CONFIRMED_HOLD, RELEASED_REDACTED, FALSE_POSITIVE_RELEASED;

        public boolean decided() {
            return this == CONFIRMED_HOLD || this == RELEASED_REDACTED || this == FALSE_POSITIVE_RELEASED;
        }
    }

    /** What happened, on the decisions topic. */
    public enum EventType { VIEWED, CLAIMED, CONFIRMED_HOLD, RELEASE_REQUESTED, RELEASED_REDACTED, FALSE_POSITIVE_RELEASED, DECLINED, REFUSED }

    /** A text span a reviewer cuts out of a free-text field: [start, end) in the field's text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cut(String field, int start, int end) {}

    /**
     * A reviewer's command, keyed by quarantine id on the commands topic. An approval names the release it approves
     * ({@code approves}: that request's {@link #releaseDigest}), so that a request changed while the approver looked at
     * it is not released by the approver's click.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Command(String commandId, String quarantineId, Action action, String reviewer, String justification,
                          List<String> removeFields, List<Cut> cuts, long at, String approves) {
        public Command {
            removeFields = removeFields == null ? List.of() : List.copyOf(removeFields);
            cuts = cuts == null ? List.of() : List.copyOf(cuts);
        }

        /** A command that approves no particular release (every action but an approval). */
        public Command(String commandId, String quarantineId, Action action, String reviewer, String justification,
                       List<String> removeFields, List<Cut> cuts, long at) {
            this(commandId, quarantineId, action, reviewer, justification, removeFields, cuts, at, null);
        }

        /** This command with its id and time set (as the service sends it). */
        public Command sent(String id, long now) {
            return new Command(id, quarantineId, action, reviewer, justification, removeFields, cuts, now, approves);
        }

        /**
         * What this request would release, as a short digest: its id, action, removed fields and cuts (SHA-256, hex,
         * first 16 bytes). Two requests with the same content but different ids differ: a withdrawn request asked
         * again is a new one, to be looked at again.
         */
        public String releaseDigest() {
            StringBuilder canonical = new StringBuilder().append(commandId).append('\n').append(action).append('\n');
            removeFields.stream().sorted().forEach(f -> canonical.append("remove ").append(f).append('\n'));
            cuts.stream().sorted(java.util.Comparator.comparing(Cut::field).thenComparingInt(Cut::start).thenComparingInt(Cut::end))
                    .forEach(c -> canonical.append("cut ").append(c.field()).append(' ').append(c.start()).append(' ').append(c.end()).append('\n'));
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(hash, 0, 16);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e); // every JVM has SHA-256
            }
        }
    }

    /** A decision event: who did what to which record, when, and why; reasons say why a command was refused. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(String commandId, String quarantineId, EventType type, String reviewer, String justification,
                        List<String> removedFields, List<Cut> cuts, List<String> reasons, String policyVersion, long at) {}

    /**
     * Who is working on a pending record, and until when (epoch millis): the reviewer who opened it. Until then the
     * others see who has it, and their decisions on it are refused; approving or declining a release is not (that
     * is the second reviewer's part).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Claim(String reviewer, long until) {
        /** Whether the claim holds at {@code now} for someone other than {@code reviewer}. */
        public boolean excludes(String reviewer, long now) {
            return until > now && !this.reviewer.equals(reviewer);
        }
    }

    /** One quarantined record under review: its review record (payload sealed or not), state, history and claim. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String quarantineId, State state, byte[] review, String sealKeyId, Command pending, List<Event> history,
                        Claim claim) {
        /** An entry nobody has claimed. */
        public Entry(String quarantineId, State state, byte[] review, String sealKeyId, Command pending, List<Event> history) {
            this(quarantineId, state, review, sealKeyId, pending, history, null);
        }

        /** The live claim at {@code now}, if any. */
        public java.util.Optional<Claim> liveClaim(long now) {
            return claim != null && claim.until() > now ? java.util.Optional.of(claim) : java.util.Optional.empty();
        }
    }

    /** First byte of a stored entry in the binary layout (a JSON entry starts with '{'). */
    private static final byte ENTRY_LAYOUT = 1;

    /**
     * A stored entry as the quarantine store keeps it: a layout byte, the length of the JSON of everything but the
     * review record, that JSON, then the review record's bytes as they are. In JSON the review bytes would be base64,
     * a third larger: a held record near the size limit would no longer fit its changelog topic.
     */
    public static byte[] writeEntry(Entry entry) {
        byte[] json = write(new Entry(entry.quarantineId(), entry.state(), null, entry.sealKeyId(), entry.pending(), entry.history(),
                entry.claim()));
        byte[] review = entry.review() == null ? new byte[0] : entry.review();
        return java.nio.ByteBuffer.allocate(1 + 4 + json.length + review.length).put(ENTRY_LAYOUT).putInt(json.length)
                .put(json).put(review).array();
    }

    /** An entry from the quarantine store, in the binary layout or (written before it) as JSON. */
    public static Entry readEntry(byte[] stored) {
        if (stored.length == 0 || stored[0] != ENTRY_LAYOUT) {
            return read(stored, Entry.class);
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(stored);
        buffer.get();
        int jsonLength = buffer.getInt();
        if (jsonLength < 0 || jsonLength > buffer.remaining()) {
            throw new UncheckedIOException(new IOException("not an Entry: a JSON length of " + jsonLength));
        }
        Entry meta;
        try {
            meta = JSON.readValue(stored, 5, jsonLength, Entry.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an Entry: " + e.getMessage(), e);
        }
        byte[] review = java.util.Arrays.copyOfRange(stored, 5 + jsonLength, stored.length);
        return new Entry(meta.quarantineId(), meta.state(), review.length == 0 ? null : review, meta.sealKeyId(),
                meta.pending(), meta.history(), meta.claim());
    }

    public static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
