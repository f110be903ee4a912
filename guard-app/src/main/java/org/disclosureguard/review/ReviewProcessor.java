package org.disclosureguard.review;

import org.disclosureguard.contract.UndecodableRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.disclosureguard.contract.WireCodec;
import org.disclosureguard.pipeline.ActivePolicy;
import org.disclosureguard.pipeline.ProcessorParts;
import org.disclosureguard.pipeline.GuardHeaders;
import org.disclosureguard.pipeline.WireFormats;
import org.disclosureguard.review.ReviewModel.Command;
import org.disclosureguard.review.ReviewModel.Entry;
import org.disclosureguard.review.ReviewModel.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.disclosureguard.pipeline.GuardMeters;

/**
 * The review workflow's one processor: it files every review record as a PENDING entry of the quarantine store,
 * and applies reviewers' commands ({@link ReviewDecider}). The decision event, the store update and a release's
 * enforcement record are written in the same transaction (exactly-once), so a release is never forwarded without
 * its decision, nor decided without being forwarded. Both inputs are keyed by quarantine id and co-partitioned.
 */
final class ReviewProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewProcessor.class);

    private final ProcessorParts parts;
    private final boolean fourEyes;
    private final ActivePolicy activePolicy;
    private final String reviewTopic;
    private final Clock clock;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, byte[]> store;
    private ReviewDecider decider;
    private WireCodec enforcementCodec;
    private final GuardMeters meters;
    private WireFormats.ReviewRecordFiling filing;

    ReviewProcessor(ProcessorParts parts, boolean fourEyes) {
        this.parts = parts;
        this.fourEyes = fourEyes;
        this.activePolicy = parts.activePolicy();
        this.reviewTopic = parts.topics().review();
        this.clock = parts.clock();
        this.meters = parts.meters();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.store = context.getStateStore(ReviewTopology.QUARANTINE_STORE);
        WireFormats formats = parts.formats();
        this.filing = formats.reviewRecordFiling();
        this.decider = new ReviewDecider(parts.seal(), formats.inputCodec(), fourEyes);
        this.enforcementCodec = formats.enforcementCodec();
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        if (record.key() == null || record.value() == null) {
            return;
        }
        String quarantineId = new String(record.key(), StandardCharsets.UTF_8);
        if (topic.equals(reviewTopic)) {
            if (store.get(quarantineId) == null) { // a reprocessed review record keeps its decisions
                Header sealKey = record.headers().lastHeader(GuardHeaders.SEAL_KEY_ID);
                // Filed in single-object encoding whatever the review topic's format: every reader of the store reads one.
                byte[] review;
                try {
                    review = filing.singleObject(record.value());
                } catch (UndecodableRecordException e) {
                    LOG.error("Not filing review record {} (topic {}): {}", quarantineId, topic, e.reason().ruleId());
                    return;
                }
                store.put(quarantineId, ReviewModel.writeEntry(new Entry(quarantineId, State.PENDING, review,
                        sealKey == null ? null : new String(sealKey.value(), StandardCharsets.UTF_8), null, java.util.List.of())));
            }
            return;
        }
        Command command;
        try {
            command = ReviewModel.read(record.value(), Command.class);
        } catch (RuntimeException e) {
            LOG.warn("Skipping an unreadable review command for {}", quarantineId);
            return;
        }
        if (!quarantineId.equals(command.quarantineId())) {
            LOG.warn("Skipping a review command keyed {} but naming another record", quarantineId);
            return;
        }
        byte[] stored = store.get(quarantineId);
        Entry entry = stored == null ? null : ReviewModel.readEntry(stored);
        ReviewDecider.Outcome outcome = decider.decide(entry, command, activePolicy.screener(), clock.millis());
        // Everything is encoded before the first forward, so an exception cannot leave a partial set of outputs.
        byte[] release = outcome.release() == null ? null : enforcementCodec.encode(outcome.release());
        byte[] event = ReviewModel.write(outcome.event());
        if (outcome.next() != null) {
            store.put(quarantineId, ReviewModel.writeEntry(outcome.next()));
        }
        if (release != null) {
            RecordHeaders headers = new RecordHeaders();
            GuardHeaders.put(headers, ReviewTopology.RELEASED_FROM_HEADER, quarantineId);
            Object caseId = outcome.release().get("caseId");
            context.forward(new Record<>(caseId == null ? null : caseId.toString().getBytes(StandardCharsets.UTF_8), release,
                    record.timestamp(), headers), ReviewTopology.RELEASE_SINK);
        }
        context.forward(new Record<>(record.key(), event, record.timestamp(), new RecordHeaders()), ReviewTopology.DECISIONS_SINK);
        meters.recordReview(outcome.event().type().name(), outcome.event().reasons() == null ? java.util.List.of() : outcome.event().reasons());
    }
}
