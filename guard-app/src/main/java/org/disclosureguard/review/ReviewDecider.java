package org.disclosureguard.review;

import org.disclosureguard.contract.QuarantinedRecords;
import org.disclosureguard.pipeline.PayloadSeal;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.UndecodableRecordException;
import org.disclosureguard.contract.WireCodec;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.contract.review.ReasonKind;
import org.disclosureguard.policy.FieldPlan;
import org.disclosureguard.review.ReviewModel.Action;
import org.disclosureguard.review.ReviewModel.Command;
import org.disclosureguard.review.ReviewModel.Cut;
import org.disclosureguard.review.ReviewModel.Entry;
import org.disclosureguard.review.ReviewModel.Event;
import org.disclosureguard.review.ReviewModel.EventType;
import org.disclosureguard.review.ReviewModel.State;
import org.disclosureguard.screen.Finding;
import org.disclosureguard.screen.ScreeningResult;
import org.disclosureguard.screen.Screener;
import org.disclosureguard.pipeline.GuardMeters;

/**
 * The review state machine, free of Kafka: a quarantined record's entry and a reviewer's command in, the next
 * entry, the decision event and (for a release) the record to forward out. A release is screened again under the
 * policy in force and forwarded only if it passes: a redacted release by the full screen, after it was checked to
 * remove each content hit's sentence and all that follows it in its field ({@link DisclosureBoundary}), a false positive by the
 * structural screen (rules, held fields, projection; not the content scan) and unchanged. With four eyes, a release
 * waits for a second, different reviewer's approval and is screened again then.
 */
public final class ReviewDecider {
    /** Events an entry keeps (all of them are on the decisions topic). */
    static final int MAX_HISTORY = 10;
    /** Longest justification, in chars, and most cuts or removed fields one command may carry. */
    static final int MAX_JUSTIFICATION = 1_000;
    static final int MAX_LIST = 100;
    /**
     * How long a claim lasts: long enough to read a record and decide, short enough that a reviewer who walked away
     * does not keep it from the others for long. The console claims again while its reviewer keeps the record open.
     */
    public static final java.time.Duration CLAIM = java.time.Duration.ofMinutes(15);
    /** What a command led to; {@code release} is the projection to forward (null unless released). */
    public record Outcome(Entry next, Event event, GenericRecord release) {}

    private final PayloadSeal seal;
    private final WireCodec inputCodec;
    private final boolean fourEyes;

    /** @param seal null when payloads are not sealed */
    public ReviewDecider(PayloadSeal seal, WireCodec inputCodec, boolean fourEyes) {
        this.seal = seal;
        this.inputCodec = inputCodec;
        this.fourEyes = fourEyes;
    }

    public Outcome decide(Entry entry, Command command, Screener screener, long now) {
        String version = screener.policy().version();
        if (entry == null) {
            return refused(null, command, version, now, "no quarantined record has this id");
        }
        if (command.reviewer() == null || command.reviewer().isBlank()) {
            return refused(entry, command, version, now, "a command names its reviewer");
        }
        return switch (command.action()) {
            case VIEW -> record(entry, entry.state(), entry.pending(), event(command, EventType.VIEWED, version, now, List.of()), null);
            case CLAIM -> claim(entry, command, version, now);
            case DECLINE -> {
                if (entry.state() != State.AWAITING_SECOND_APPROVAL) {
                    yield refused(entry, command, version, now, "no release awaits approval");
                }
                yield record(entry, State.PENDING, null, event(command, EventType.DECLINED, version, now, List.of()), null);
            }
            case APPROVE -> approve(entry, command, screener, now);
            case CONFIRM_HOLD, RELEASE_REDACTED, FALSE_POSITIVE -> decideNew(entry, command, screener, now);
        };
    }

    /** A reviewer takes a pending record for {@link #CLAIM}, or takes it again; refused while another has it. */
    private Outcome claim(Entry entry, Command command, String version, long now) {
        if (entry.state() != State.PENDING) {
            return refused(entry, command, version, now, "only a pending record is claimed (it is " + entry.state() + ")");
        }
        Outcome taken = claimedByAnother(entry, command, version, now);
        if (taken != null) {
            return taken;
        }
        Entry claimed = new Entry(entry.quarantineId(), entry.state(), entry.review(), entry.sealKeyId(), entry.pending(),
                entry.history(), new ReviewModel.Claim(command.reviewer(), now + CLAIM.toMillis()));
        return record(claimed, claimed.state(), claimed.pending(), event(command, EventType.CLAIMED, version, now, List.of()), null);
    }

    /** The refusal of a command on a record another reviewer has claimed now, or null. */
    private static Outcome claimedByAnother(Entry entry, Command command, String version, long now) {
        ReviewModel.Claim claim = entry.claim();
        if (claim == null || !claim.excludes(command.reviewer(), now)) {
            return null;
        }
        return refused(entry, command, version, now, "claimed by " + claim.reviewer() + " until "
                + java.time.Instant.ofEpochMilli(claim.until()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + ": ask them, or wait until then");
    }

    private Outcome decideNew(Entry entry, Command command, Screener screener, long now) {
        String version = screener.policy().version();
        if (entry.state().decided()) {
            return refused(entry, command, version, now, "already decided: " + entry.state());
        }
        Outcome taken = claimedByAnother(entry, command, version, now);
        if (taken != null) {
            return taken;
        }
        if (entry.state() == State.AWAITING_SECOND_APPROVAL) {
            return refused(entry, command, version, now, "a release awaits a second reviewer's approval or decline");
        }
        if (command.justification() == null || command.justification().isBlank()) {
            return refused(entry, command, version, now, "a justification is required");
        }
        if (command.justification().length() > MAX_JUSTIFICATION || command.cuts().size() > MAX_LIST
                || command.removeFields().size() > MAX_LIST) {
            return refused(entry, command, version, now, "a justification is at most " + MAX_JUSTIFICATION
                    + " characters, and a command names at most " + MAX_LIST + " cuts and " + MAX_LIST + " fields");
        }
        if (command.action() == Action.CONFIRM_HOLD) {
            return record(entry, State.CONFIRMED_HOLD, null, event(command, EventType.CONFIRMED_HOLD, version, now, List.of()), null);
        }
        Candidate candidate = candidate(entry, command, screener, now);
        if (candidate.refusal() != null) {
            return refused(entry, command, version, now, candidate.refusal());
        }
        if (fourEyes) {
            return record(entry, State.AWAITING_SECOND_APPROVAL, command,
                    event(command, EventType.RELEASE_REQUESTED, version, now, List.of()), null);
        }
        return released(entry, command, command, candidate, version, now);
    }

    private Outcome approve(Entry entry, Command approval, Screener screener, long now) {
        String version = screener.policy().version();
        if (entry.state() != State.AWAITING_SECOND_APPROVAL || entry.pending() == null) {
            return refused(entry, approval, version, now, "no release awaits approval");
        }
        if (approval.reviewer().equals(entry.pending().reviewer())) {
            return refused(entry, approval, version, now, "four eyes: the release needs a second, different reviewer");
        }
        // The approval is of the request the approver looked at: a request withdrawn and asked again (another release,
        // or the same one anew) while the approver's page was open is not released by that click.
        if (approval.approves() == null || !approval.approves().equals(entry.pending().releaseDigest())) {
            return refused(entry, approval, version, now, "the approval names release " + approval.approves()
                    + ", but the release awaiting approval is " + entry.pending().releaseDigest()
                    + " (it changed): look at it again and approve what it is now");
        }
        // Screened again now: the policy may have changed since the request.
        Candidate candidate = candidate(entry, entry.pending(), screener, now);
        if (candidate.refusal() != null) {
            return refused(entry, approval, version, now, candidate.refusal());
        }
        return released(entry, entry.pending(), approval, candidate, version, now);
    }

    /**
     * The release event: what the request released, decided by {@code decision}, the request itself without four eyes,
     * or the approval with them (the approver's own command id, name and justification; the request's are in its
     * RELEASE_REQUESTED event).
     */
    private Outcome released(Entry entry, Command request, Command decision, Candidate candidate, String version, long now) {
        boolean falsePositive = request.action() == Action.FALSE_POSITIVE;
        Event event = new Event(decision.commandId(), entry.quarantineId(),
                falsePositive ? EventType.FALSE_POSITIVE_RELEASED : EventType.RELEASED_REDACTED, decision.reviewer(),
                cut(decision.justification(), MAX_JUSTIFICATION), request.removeFields(), request.cuts(), candidate.notes(), version, now);
        return record(entry, falsePositive ? State.FALSE_POSITIVE_RELEASED : State.RELEASED_REDACTED, null, event, candidate.release());
    }

    /** The record a release would forward, or why it may not be released. */
    private record Candidate(GenericRecord release, List<String> notes, String refusal) {
        static Candidate refuse(String why) {
            return new Candidate(null, List.of(), why);
        }
    }

    private Candidate candidate(Entry entry, Command command, Screener screener, long now) {
        QuarantinedRecord review;
        GenericRecord original;
        try {
            review = QuarantinedRecords.decode(entry.review());
            if (review.getOriginalValue() == null) {
                return Candidate.refuse("the record's original was not kept (oversized): nothing to release");
            }
            original = inputCodec.decode(open(review.getOriginalValue(), entry));
        } catch (UndecodableRecordException e) {
            return Candidate.refuse("the original did not decode (" + e.reason().ruleId() + "): a rejected record cannot be released");
        } catch (GeneralSecurityException e) {
            return Candidate.refuse("the payload cannot be opened: " + e.getMessage());
        } catch (java.io.IOException e) {
            return Candidate.refuse("the review record is unreadable");
        }
        ScreeningResult result;
        List<String> notes = new ArrayList<>();
        if (command.action() == Action.FALSE_POSITIVE) {
            if (!command.removeFields().isEmpty() || !command.cuts().isEmpty()) {
                return Candidate.refuse("a false positive is released unchanged: use a redacted release to remove anything");
            }
            result = screener.screenStructure(original, now);
            // The terms that matched, for tuning the dictionary.
            review.getReasons().stream().filter(r -> r.getKind() == ReasonKind.CONTENT_SCAN && r.getMatchedTerm() != null)
                    .forEach(r -> notes.add(GuardMeters.FALSE_POSITIVE_NOTE + r.getMatchedTerm()));
        } else {
            GenericRecord copy = GenericData.get().deepCopy(original.getSchema(), original);
            String problem = redact(copy, command);
            if (problem != null) {
                return Candidate.refuse(problem);
            }
            // What the record was held for, under the policy in force: the release must remove, at least, each hit's
            // sentence and all that follows it in its field (removing the trigger words would leave the disclosure).
            List<Finding> held = screener.screen(original, now).findings();
            String shortCut = DisclosureBoundary.uncovered(original, command, DisclosureBoundary.required(original, held,
                    DisclosureBoundary.scannedFields(screener.policy().fieldPlan())));
            if (shortCut != null) {
                return Candidate.refuse(shortCut);
            }
            result = screener.screen(copy, now);
        }
        if (!result.forwarded()) {
            List<String> why = new ArrayList<>();
            for (Finding f : result.findings()) {
                why.add(f.ruleId() + (f.fieldPath() == null ? "" : " (" + f.fieldPath() + ")") + ": " + f.explanation());
            }
            return Candidate.refuse("the release does not pass the screen: " + String.join("; ", why));
        }
        return new Candidate(result.projection(), notes, null);
    }

    private byte[] open(ByteBuffer payload, Entry entry) throws GeneralSecurityException {
        byte[] bytes = new byte[payload.remaining()];
        payload.duplicate().get(bytes);
        if (entry.sealKeyId() == null) {
            return bytes;
        }
        if (seal == null) {
            throw new GeneralSecurityException("it is sealed with key " + entry.sealKeyId() + " and no seal key is configured");
        }
        return seal.open(bytes, entry.sealKeyId(), entry.quarantineId());
    }

    /** Removes fields and cuts spans; returns why it cannot, or null. */
    static String redact(GenericRecord record, Command command) {
        for (String path : command.removeFields()) {
            Located at = locate(record, path);
            if (at == null) {
                return "no field " + path;
            }
            if (FieldPlan.nonNull(at.field().schema()) == at.field().schema()) {
                return "field " + path + " is required: it cannot be removed";
            }
            at.parent().put(at.field().pos(), null);
        }
        List<Cut> cuts = new ArrayList<>(command.cuts());
        cuts.sort(Comparator.comparing(Cut::field).thenComparing(Cut::start, Comparator.reverseOrder()));
        for (int i = 0; i < cuts.size(); i++) {
            Cut cut = cuts.get(i);
            Located at = locate(record, cut.field());
            if (at == null || FieldPlan.nonNull(at.field().schema()).getType() != Schema.Type.STRING) {
                return "no text field " + cut.field();
            }
            Object value = at.parent().get(at.field().pos());
            if (value == null) {
                return "field " + cut.field() + " is empty";
            }
            String text = value.toString();
            if (cut.start() < 0 || cut.end() > text.length() || cut.start() >= cut.end()) {
                return "cut [" + cut.start() + ", " + cut.end() + ") is outside " + cut.field() + " (length " + text.length() + ")";
            }
            if (i > 0 && cuts.get(i - 1).field().equals(cut.field()) && cut.end() > cuts.get(i - 1).start()) {
                return "cuts overlap in " + cut.field();
            }
            at.parent().put(at.field().pos(), text.substring(0, cut.start()) + text.substring(cut.end()));
        }
        return null;
    }

    private record Located(GenericRecord parent, Schema.Field field) {}

    private static Located locate(GenericRecord record, String path) {
        String[] parts = path.split("\\.");
        GenericRecord parent = record;
        for (int i = 0; i < parts.length; i++) {
            Schema.Field field = parent.getSchema().getField(parts[i]);
            if (field == null) {
                return null;
            }
            if (i == parts.length - 1) {
                return new Located(parent, field);
            }
            Object child = parent.get(field.pos());
            if (!(child instanceof GenericRecord next)) {
                return null;
            }
            parent = next;
        }
        return null;
    }

    private static Event event(Command command, EventType type, String version, long now, List<String> reasons) {
        // Events are bounded whatever the command carried, so that a refused 1 MB command cannot make a decisions
        // record too large for its topic (the command itself is refused for its size before it counts).
        return new Event(cut(command.commandId(), 200), cut(command.quarantineId(), 200), type, cut(command.reviewer(), 200),
                cut(command.justification(), MAX_JUSTIFICATION), first(command.removeFields(), MAX_LIST),
                first(command.cuts(), MAX_LIST), reasons, version, now);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max) + "…";
    }

    private static <T> List<T> first(List<T> values, int max) {
        return values == null || values.size() <= max ? values : List.copyOf(values.subList(0, max));
    }

    private static Outcome refused(Entry entry, Command command, String version, long now, String why) {
        Event event = event(command, EventType.REFUSED, version, now, List.of(why));
        return entry == null ? new Outcome(null, event, null) : record(entry, entry.state(), entry.pending(), event, null);
    }

    private static Outcome record(Entry entry, State state, Command pending, Event event, GenericRecord release) {
        List<Event> history = new ArrayList<>(entry.history() == null ? List.of() : entry.history());
        history.add(event);
        // The entry keeps the latest events only (every event is on the decisions topic): each view adds one, and an
        // unbounded history would grow the store entry past the changelog's size limit.
        if (history.size() > MAX_HISTORY) {
            history = new ArrayList<>(history.subList(history.size() - MAX_HISTORY, history.size()));
        }
        // A claim is for the first decision: it ends when the record leaves PENDING (decided, or a release asked).
        ReviewModel.Claim claim = state == State.PENDING ? entry.claim() : null;
        return new Outcome(new Entry(entry.quarantineId(), state, entry.review(), entry.sealKeyId(), pending, history, claim), event, release);
    }
}
