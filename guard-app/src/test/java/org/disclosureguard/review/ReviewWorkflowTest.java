package org.disclosureguard.review;

import org.disclosureguard.pipeline.PayloadSeal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.InformationSource;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.contract.review.Reason;
import org.disclosureguard.pipeline.ActivePolicy;
import org.disclosureguard.pipeline.GuardHeaders;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.pipeline.MutableClock;
import org.disclosureguard.review.ReviewModel.Action;
import org.disclosureguard.review.ReviewModel.Command;
import org.disclosureguard.review.ReviewModel.Cut;
import org.disclosureguard.review.ReviewModel.Entry;
import org.disclosureguard.review.ReviewModel.Event;
import org.disclosureguard.review.ReviewModel.EventType;
import org.disclosureguard.review.ReviewModel.State;
import org.junit.jupiter.api.Test;

/**
 * The review workflow in the real topology: held records become PENDING entries; a redacted release is screened
 * again and forwarded only if it passes, in the same transaction as its decision; a false positive must still pass
 * the structural rules; four eyes; every command has exactly one decision event, and none carries record text.
 */
class ReviewWorkflowTest {
    private static final String CANARY = "CANARY-the boy described the night crossing";
    private static final Topics TOPICS = Topics.defaults();

    private static final class Review implements AutoCloseable {
        final GuardDriver guard;
        final TestInputTopic<byte[], byte[]> commands;
        final TestOutputTopic<byte[], byte[]> decisions;

        Review(boolean fourEyes) {
            this(fourEyes, Clock.systemUTC());
        }

        Review(boolean fourEyes, Clock clock) {
            Map<String, Object> settings = new HashMap<>();
            settings.put(GuardConfig.REVIEW_SEAL_KEY, PayloadSeal.newKey("k1"));
            settings.put(GuardConfig.REVIEW_FOUR_EYES, fourEyes);
            guard = new GuardDriver(new ActivePolicy(Policy.bundled()), clock, GuardConfig.DEFAULT_MAX_RECORD_BYTES, settings);
            commands = guard.driver().createInputTopic(TOPICS.reviewCommands(), new ByteArraySerializer(), new ByteArraySerializer());
            decisions = guard.driver().createOutputTopic(TOPICS.reviewDecisions(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        }

        /** Sends an event that the guard holds, and returns its review record. */
        QuarantinedRecord hold(CaseRecordEvent event) {
            guard.send(event);
            List<QuarantinedRecord> held = guard.reviewValues();
            assertEquals(1, held.size(), "the event is held");
            return held.get(0);
        }

        Event command(String quarantineId, Action action, String reviewer, String justification, List<String> remove, List<Cut> cuts) {
            return send(new Command(UUID.randomUUID().toString(), quarantineId, action, reviewer, justification, remove, cuts, 0));
        }

        /** An approval of the release awaiting it now, as the approver saw it (its digest). */
        Event approve(String quarantineId, String reviewer, String justification) {
            return approve(quarantineId, reviewer, justification, pending(quarantineId).releaseDigest());
        }

        Event approve(String quarantineId, String reviewer, String justification, String digest) {
            return send(new Command(UUID.randomUUID().toString(), quarantineId, Action.APPROVE, reviewer, justification, List.of(),
                    List.of(), 0, digest));
        }

        Command pending(String quarantineId) {
            KeyValueStore<String, byte[]> store = guard.driver().getKeyValueStore(ReviewTopology.QUARANTINE_STORE);
            return ReviewModel.readEntry(store.get(quarantineId)).pending();
        }

        private Event send(Command command) {
            String quarantineId = command.quarantineId();
            commands.pipeInput(new TestRecord<>(quarantineId.getBytes(StandardCharsets.UTF_8), ReviewModel.write(command)));
            List<byte[]> out = decisions.readValuesToList();
            assertEquals(1, out.size(), "exactly one decision event per command");
            String raw = new String(out.get(0), StandardCharsets.UTF_8);
            assertFalse(raw.contains("CANARY") || raw.contains("night crossing"), "no record text in a decision event: " + raw);
            return ReviewModel.read(out.get(0), Event.class);
        }

        State state(String quarantineId) {
            KeyValueStore<String, byte[]> store = guard.driver().getKeyValueStore(ReviewTopology.QUARANTINE_STORE);
            return ReviewModel.readEntry(store.get(quarantineId)).state();
        }

        @Override
        public void close() {
            guard.close();
        }
    }

    private static CaseRecordEvent therapyInNotes(String caseId) {
        return TestEvents.benign().setCaseId(caseId).setCaseNotes("Transferred to the new unit. Per the therapist, " + CANARY + ".").build();
    }

    private static Cut therapyReference(QuarantinedRecord held) {
        Reason reason = held.getReasons().stream().filter(r -> r.getSpanStart() != null).findFirst().orElseThrow();
        String notes = "Transferred to the new unit. Per the therapist, " + CANARY + ".";
        // Cut from the start of the reference's sentence to the end of the field: the therapy-derived part.
        return new Cut(reason.getFieldPath(), notes.indexOf("Per the therapist"), notes.length());
    }

    /**
     * Cutting the matched words leaves what they introduced: "Per the , " + the disclosure passes a re-screen (the
     * trigger is gone) and would cross. A release must remove the hit's sentence and all that follows it in the field.
     */
    @Test
    void aReleaseThatCutsOnlyTheMatchedWordsOrStartsMidSentenceIsRefused() {
        try (Review review = new Review(false)) {
            QuarantinedRecord held = review.hold(therapyInNotes("case-leak"));
            String id = held.getQuarantineId();
            review.guard.enforcementRecords(); // drain
            Reason hit = held.getReasons().stream().filter(r -> r.getSpanStart() != null).findFirst().orElseThrow();
            Event wordsOnly = review.command(id, Action.RELEASE_REDACTED, "rita", "trigger words cut", List.of(),
                    List.of(new Cut("caseNotes", hit.getSpanStart(), hit.getSpanEnd())));
            assertEquals(EventType.REFUSED, wordsOnly.type());
            assertTrue(wordsOnly.reasons().get(0).contains("removes the sentence of each hit and all that follows it"),
                    wordsOnly.reasons().toString());
            String notes = "Transferred to the new unit. Per the therapist, " + CANARY + ".";
            Event fromTheHit = review.command(id, Action.RELEASE_REDACTED, "rita", "from the hit", List.of(),
                    List.of(new Cut("caseNotes", hit.getSpanStart(), notes.length())));
            assertEquals(EventType.REFUSED, fromTheHit.type(), "the sentence began before the hit");
            assertTrue(fromTheHit.reasons().get(0).contains("caseNotes from character " + notes.indexOf("Per the therapist")),
                    fromTheHit.reasons().toString());
            Event inTwoCuts = review.command(id, Action.RELEASE_REDACTED, "rita", "two adjoining cuts", List.of(),
                    List.of(new Cut("caseNotes", notes.indexOf("Per the therapist"), notes.indexOf(CANARY)),
                            new Cut("caseNotes", notes.indexOf(CANARY), notes.length())));
            assertEquals(EventType.RELEASED_REDACTED, inTwoCuts.type(), "cuts that together cover the rest of the field: " + inTwoCuts.reasons());
            List<TestRecord<byte[], byte[]>> forwarded = review.guard.enforcementRecords();
            assertEquals(1, forwarded.size());
            assertFalse(review.guard.decodeEnforcement(forwarded.get(0).value()).get("caseNotes").toString().contains(CANARY));
        }
    }

    @Test
    void removingTheFieldIsAReleaseThatRemovesEnough() {
        try (Review review = new Review(false)) {
            QuarantinedRecord held = review.hold(therapyInNotes("case-field"));
            review.guard.enforcementRecords(); // drain
            Event removed = review.command(held.getQuarantineId(), Action.RELEASE_REDACTED, "rita", "notes removed",
                    List.of("caseNotes"), List.of());
            assertEquals(EventType.RELEASED_REDACTED, removed.type(), removed.reasons().toString());
        }
    }

    @Test
    void aRedactedReleaseIsScreenedAgainAndForwardedWithItsDecision() {
        try (Review review = new Review(false)) {
            QuarantinedRecord held = review.hold(therapyInNotes("case-r1"));
            String id = held.getQuarantineId();
            assertEquals(State.PENDING, review.state(id));
            review.guard.enforcementRecords(); // drain

            Event tooLittle = review.command(id, Action.RELEASE_REDACTED, "rita", "notes are operational", List.of(),
                    List.of(new Cut("caseNotes", 0, 5)));
            assertEquals(EventType.REFUSED, tooLittle.type());
            assertTrue(tooLittle.reasons().get(0).contains("removes the sentence of each hit"), tooLittle.reasons().toString());
            assertTrue(review.guard.enforcementRecords().isEmpty(), "nothing crosses on a refused release");

            Event released = review.command(id, Action.RELEASE_REDACTED, "rita", "therapy reference cut", List.of(),
                    List.of(therapyReference(held)));
            assertEquals(EventType.RELEASED_REDACTED, released.type(), released.reasons().toString());
            assertEquals(State.RELEASED_REDACTED, review.state(id));
            List<TestRecord<byte[], byte[]>> forwarded = review.guard.enforcementRecords();
            assertEquals(1, forwarded.size(), "the release is forwarded in the decision's transaction");
            GenericRecord event = review.guard.decodeEnforcement(forwarded.get(0).value());
            assertEquals("case-r1", event.get("caseId").toString());
            assertEquals("Transferred to the new unit. ", event.get("caseNotes").toString());
            assertEquals(id, new String(forwarded.get(0).headers().lastHeader(ReviewTopology.RELEASED_FROM_HEADER).value(), StandardCharsets.UTF_8));

            Event again = review.command(id, Action.RELEASE_REDACTED, "rita", "again", List.of(), List.of());
            assertEquals(EventType.REFUSED, again.type());
            assertTrue(again.reasons().get(0).contains("already decided"));
        }
    }

    @Test
    void aFalsePositiveMustStillPassTheStructuralRules() {
        try (Review review = new Review(false)) {
            // Held by a provenance rule: the text is harmless, but the source is a counseling session.
            QuarantinedRecord byProvenance = review.hold(TestEvents.benign().setCaseId("case-p")
                    .setInformationSource(InformationSource.INDIVIDUAL_COUNSELING).build());
            Event refused = review.command(byProvenance.getQuarantineId(), Action.FALSE_POSITIVE, "rita", "looks fine", List.of(), List.of());
            assertEquals(EventType.REFUSED, refused.type());
            assertTrue(refused.reasons().get(0).contains("provenance"), refused.reasons().toString());
            assertEquals(State.PENDING, review.state(byProvenance.getQuarantineId()));

            Event noReason = review.command(byProvenance.getQuarantineId(), Action.CONFIRM_HOLD, "rita", " ", List.of(), List.of());
            assertEquals(EventType.REFUSED, noReason.type(), "a confirmation needs a justification");
            Event confirmed = review.command(byProvenance.getQuarantineId(), Action.CONFIRM_HOLD, "rita", "counseling source", List.of(), List.of());
            assertEquals(EventType.CONFIRMED_HOLD, confirmed.type());
            assertEquals(State.CONFIRMED_HOLD, review.state(byProvenance.getQuarantineId()));

            // Held by the content scan only: a band called "Therapy?" is not a therapy session.
            review.guard.enforcementRecords();
            QuarantinedRecord byContent = review.hold(TestEvents.benign().setCaseId("case-band")
                    .setCaseNotes("Listened to records by the band Therapy? during free time.").build());
            Event released = review.command(byContent.getQuarantineId(), Action.FALSE_POSITIVE, "rita", "a band name", List.of(), List.of());
            assertEquals(EventType.FALSE_POSITIVE_RELEASED, released.type(), released.reasons().toString());
            assertTrue(released.reasons().stream().anyMatch(r -> r.startsWith("false-positive term: ")), "the hit is counted for tuning");
            GenericRecord forwarded = review.guard.decodeEnforcement(review.guard.enforcementRecords().get(0).value());
            assertEquals("Listened to records by the band Therapy? during free time.", forwarded.get("caseNotes").toString(),
                    "a false positive is released unchanged");
        }
    }

    /**
     * The reviewer who opened a pending record has it for a while: the others see who (the claim is on the entry and
     * in the history) and their decisions are refused until it ends; the claimant takes it again; a decided record
     * is nobody's.
     */
    @Test
    void aClaimedRecordIsTheClaimantsUntilTheClaimEnds() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-12-03T10:00:00Z"));
        try (Review review = new Review(false, clock)) {
            String id = review.hold(therapyInNotes("case-9")).getQuarantineId();
            assertEquals(EventType.CLAIMED, review.command(id, Action.CLAIM, "rita", null, List.of(), List.of()).type());
            Event taken = review.command(id, Action.CLAIM, "sam", null, List.of(), List.of());
            assertEquals(EventType.REFUSED, taken.type());
            assertTrue(taken.reasons().get(0).startsWith("claimed by rita until 2026-12-03T10:15:00Z"), taken.reasons().toString());
            Event decided = review.command(id, Action.CONFIRM_HOLD, "sam", "reads like a session", List.of(), List.of());
            assertEquals(EventType.REFUSED, decided.type(), "another reviewer's decision while the claim lasts");
            assertEquals(State.PENDING, review.state(id));

            clock.advance(java.time.Duration.ofMinutes(10));
            assertEquals(EventType.CLAIMED, review.command(id, Action.CLAIM, "rita", null, List.of(), List.of()).type(),
                    "the claimant takes it again");
            clock.advance(java.time.Duration.ofMinutes(10));
            assertEquals(EventType.REFUSED, review.command(id, Action.CONFIRM_HOLD, "sam", "now?", List.of(), List.of()).type(),
                    "the claim taken again lasts from then");
            clock.advance(ReviewDecider.CLAIM);
            assertEquals(EventType.CONFIRMED_HOLD, review.command(id, Action.CONFIRM_HOLD, "sam", "rita left", List.of(), List.of()).type(),
                    "an ended claim holds nobody back");
            Event late = review.command(id, Action.CLAIM, "rita", null, List.of(), List.of());
            assertEquals(EventType.REFUSED, late.type(), "a decided record is nobody's");
        }
    }

    /** A claim is for the first decision: the second reviewer approves a release its requester had claimed. */
    @Test
    void aClaimDoesNotStandInTheSecondReviewersWay() {
        try (Review review = new Review(true)) {
            QuarantinedRecord held = review.hold(therapyInNotes("case-10"));
            String id = held.getQuarantineId();
            assertEquals(EventType.CLAIMED, review.command(id, Action.CLAIM, "rita", null, List.of(), List.of()).type());
            assertEquals(EventType.RELEASE_REQUESTED,
                    review.command(id, Action.RELEASE_REDACTED, "rita", "cut", List.of(), List.of(therapyReference(held))).type());
            assertEquals(EventType.REFUSED, review.command(id, Action.CLAIM, "sam", null, List.of(), List.of()).type(),
                    "only a pending record is claimed");
            Event approved = review.approve(id, "sam", "the preview forwards nothing that followed the reference");
            assertEquals(EventType.RELEASED_REDACTED, approved.type(), approved.reasons().toString());
        }
    }

    @Test
    void fourEyesNeedASecondDifferentReviewer() {
        try (Review review = new Review(true)) {
            QuarantinedRecord held = review.hold(therapyInNotes("case-4"));
            String id = held.getQuarantineId();
            review.guard.enforcementRecords();
            Event requested = review.command(id, Action.RELEASE_REDACTED, "rita", "cut", List.of(), List.of(therapyReference(held)));
            assertEquals(EventType.RELEASE_REQUESTED, requested.type());
            assertEquals(State.AWAITING_SECOND_APPROVAL, review.state(id));
            assertTrue(review.guard.enforcementRecords().isEmpty(), "nothing crosses before the second approval");

            assertEquals(EventType.REFUSED, review.approve(id, "rita", "me again").type());
            assertEquals(EventType.VIEWED, review.command(id, Action.VIEW, "sam", null, List.of(), List.of()).type());
            Event unbound = review.command(id, Action.APPROVE, "sam", "agreed", List.of(), List.of());
            assertEquals(EventType.REFUSED, unbound.type(), "an approval names the release it approves");
            Event approved = review.approve(id, "sam", "agreed after reading the preview");
            assertEquals(EventType.RELEASED_REDACTED, approved.type(), approved.reasons().toString());
            assertEquals("sam", approved.reviewer());
            assertEquals("agreed after reading the preview", approved.justification(), "the approver's own justification");
            assertEquals(1, review.guard.enforcementRecords().size());
            assertEquals(State.RELEASED_REDACTED, review.state(id));
        }
    }

    /**
     * The attack: while the approver looks at a redacted release, the requester withdraws it and asks for an unchanged
     * one. The approver's click names the release they saw, so it does not release the other one.
     */
    @Test
    void anApprovalOfAReleaseThatChangedMeanwhileIsRefused() {
        try (Review review = new Review(true)) {
            QuarantinedRecord held = review.hold(therapyInNotes("case-swap"));
            String id = held.getQuarantineId();
            review.guard.enforcementRecords();
            review.command(id, Action.RELEASE_REDACTED, "rita", "cut", List.of(), List.of(therapyReference(held)));
            String seen = review.pending(id).releaseDigest(); // the approver's page is open on the redacted release
            assertEquals(EventType.DECLINED, review.command(id, Action.DECLINE, "rita", "withdrawn", List.of(), List.of()).type());
            assertEquals(EventType.RELEASE_REQUESTED,
                    review.command(id, Action.FALSE_POSITIVE, "rita", "just release it", List.of(), List.of()).type());
            Event click = review.approve(id, "sam", "looked fine", seen);
            assertEquals(EventType.REFUSED, click.type());
            assertTrue(click.reasons().get(0).contains("it changed"), click.reasons().toString());
            assertTrue(review.guard.enforcementRecords().isEmpty(), "the unchanged record did not cross");
            assertEquals(State.AWAITING_SECOND_APPROVAL, review.state(id));
            // The same redacted release asked again is a new request: the old page's digest does not approve it either.
            review.command(id, Action.DECLINE, "sam", "not this one", List.of(), List.of());
            review.command(id, Action.RELEASE_REDACTED, "rita", "cut", List.of(), List.of(therapyReference(held)));
            assertEquals(EventType.REFUSED, review.approve(id, "sam", "old page", seen).type());
        }
    }

    @Test
    void unknownRecordsAndUnknownFieldsAreRefusedNotCrashes() {
        try (Review review = new Review(false)) {
            assertEquals(EventType.REFUSED, review.command("input-0-999", Action.CONFIRM_HOLD, "rita", "x", List.of(), List.of()).type());
            QuarantinedRecord held = review.hold(therapyInNotes("case-u"));
            Event noField = review.command(held.getQuarantineId(), Action.RELEASE_REDACTED, "rita", "x", List.of("counseling.nope"), List.of());
            assertEquals(EventType.REFUSED, noField.type());
            Event required = review.command(held.getQuarantineId(), Action.RELEASE_REDACTED, "rita", "x", List.of("caseId"), List.of());
            assertTrue(required.reasons().get(0).contains("required"), required.reasons().toString());
            Event outside = review.command(held.getQuarantineId(), Action.RELEASE_REDACTED, "rita", "x", List.of(),
                    List.of(new Cut("caseNotes", 5, 9999)));
            assertTrue(outside.reasons().get(0).contains("outside"), outside.reasons().toString());
        }
    }

    /** A clock that fails when the review workflow asks it the time, and only then. */
    private static Clock failingInTheReviewWorkflow() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                boolean inReview = StackWalker.getInstance().walk(frames -> frames.anyMatch(
                        frame -> frame.getClassName().equals(ReviewProcessor.class.getName())));
                if (inReview) {
                    throw new IllegalStateException("simulated failure in the review workflow, " + CANARY);
                }
                return Instant.parse("2026-12-01T00:00:00Z");
            }
        };
    }

    @Test
    void aCommandTheWorkflowFailsOnGoesToTheDeadLetterTopicWithoutAnAuditDecision() {
        try (GuardDriver guard = new GuardDriver(new ActivePolicy(Policy.bundled()), failingInTheReviewWorkflow(),
                GuardConfig.DEFAULT_MAX_RECORD_BYTES, Map.of())) {
            guard.send(therapyInNotes("case-dead-letter"));
            String id = guard.reviewValues().get(0).getQuarantineId();
            assertEquals(1, guard.auditValues().size(), "the input's one decision");
            TestInputTopic<byte[], byte[]> commands = guard.driver().createInputTopic(TOPICS.reviewCommands(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            TestOutputTopic<byte[], byte[]> deadLetter = guard.driver().createOutputTopic(TOPICS.deadLetter(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            TestOutputTopic<byte[], byte[]> decisions = guard.driver().createOutputTopic(TOPICS.reviewDecisions(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            byte[] command = ReviewModel.write(new Command("c-1", id, Action.CONFIRM_HOLD, "rita", "therapy note", null, null, 0));
            commands.pipeInput(new TestRecord<>(id.getBytes(StandardCharsets.UTF_8), command));

            List<TestRecord<byte[], byte[]>> dead = deadLetter.readRecordsToList();
            assertEquals(1, dead.size(), "the failed command is dead-lettered");
            assertArrayEquals(command, dead.get(0).value(), "as it came in");
            assertArrayEquals(id.getBytes(StandardCharsets.UTF_8), dead.get(0).key());
            assertEquals("review", header(dead.get(0), GuardHeaders.DEAD_LETTER_NODE));
            assertEquals(IllegalStateException.class.getName(), header(dead.get(0), GuardHeaders.DEAD_LETTER_EXCEPTION));
            assertEquals(TOPICS.reviewCommands(), header(dead.get(0), GuardHeaders.SOURCE_TOPIC));
            for (var h : dead.get(0).headers()) {
                assertFalse(new String(h.value(), StandardCharsets.UTF_8).contains("CANARY"), "no exception message: " + h.key());
            }
            assertTrue(guard.auditValues().isEmpty(), "a reviewer's command is not an input: no audit decision");
            assertTrue(decisions.isEmpty(), "no decision event for a command that was not applied");
            KeyValueStore<String, byte[]> store = guard.driver().getKeyValueStore(ReviewTopology.QUARANTINE_STORE);
            assertEquals(State.PENDING, ReviewModel.readEntry(store.get(id)).state(), "the record still awaits review");
        }
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
