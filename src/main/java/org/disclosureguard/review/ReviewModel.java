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
    public enum Action { VIEW, CONFIRM_HOLD, RELEASE_REDACTED, FALSE_POSITIVE, APPROVE, DECLINE }

    /** Where a quarantined record stands. */
    public enum State { PENDING, AWAITING_SECOND_APPROVAL, CONFIRMED_HOLD, RELEASED_REDACTED, FALSE_POSITIVE_RELEASED;

        public boolean decided() {
            return this == CONFIRMED_HOLD || this == RELEASED_REDACTED || this == FALSE_POSITIVE_RELEASED;
        }
    }

    /** What happened, on the decisions topic. */
    public enum EventType { VIEWED, CONFIRMED_HOLD, RELEASE_REQUESTED, RELEASED_REDACTED, FALSE_POSITIVE_RELEASED, DECLINED, REFUSED }

    /** A text span a reviewer cuts out of a free-text field: [start, end) in the field's text. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cut(String field, int start, int end) {}

    /** A reviewer's command, keyed by quarantine id on the commands topic. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Command(String commandId, String quarantineId, Action action, String reviewer, String justification,
                          List<String> removeFields, List<Cut> cuts, long at) {
        public Command {
            removeFields = removeFields == null ? List.of() : List.copyOf(removeFields);
            cuts = cuts == null ? List.of() : List.copyOf(cuts);
        }
    }

    /** A decision event: who did what to which record, when, and why; reasons say why a command was refused. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Event(String commandId, String quarantineId, EventType type, String reviewer, String justification,
                        List<String> removedFields, List<Cut> cuts, List<String> reasons, String policyVersion, long at) {}

    /** One quarantined record under review: its review record (payload sealed or not), state and history. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String quarantineId, State state, byte[] review, String sealKeyId, Command pending, List<Event> history) {}

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
