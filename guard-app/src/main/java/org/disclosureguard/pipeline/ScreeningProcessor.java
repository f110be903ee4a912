package org.disclosureguard.pipeline;

import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.SingleObjectCodec;
import org.disclosureguard.screen.Screener;

/**
 * The one processor of the topology: screens each input record and forwards its outputs to the enforcement,
 * review and audit sinks. Exactly one audit record per input record; an exception thrown from here goes to
 * {@link QuarantiningExceptionHandler}, which writes the review and audit records instead.
 */
final class ScreeningProcessor implements Processor<byte[], byte[], byte[], byte[]> {
    private final ProcessorParts parts;
    private final ActivePolicy activePolicy;
    private final Clock clock;
    private ProcessorContext<byte[], byte[]> context;
    private KeyValueStore<String, String> auditChain;
    /** Each task reads one input partition: its chain key and last hash, read from the store once. */
    private String chainKey;
    private String lastAuditHash;
    private RecordScreening screening;
    private GuardOutputs outputs;
    private final GuardMeters meters;

    ScreeningProcessor(ProcessorParts parts) {
        this.parts = parts;
        this.activePolicy = parts.activePolicy();
        this.clock = parts.clock();
        this.meters = parts.meters();
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
        this.auditChain = context.getStateStore(ScreeningTopology.AUDIT_CHAIN_STORE);
        this.screening = new RecordScreening(parts.formats().inputCodec(), parts.maxRecordBytes());
        this.outputs = parts.outputs();
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata metadata = context.recordMetadata().orElseThrow(
                () -> new IllegalStateException("screening needs source coordinates (topic, partition, offset)"));
        SourceRecord source = new SourceRecord(metadata.topic(), metadata.partition(), metadata.offset(),
                record.timestamp(), record.key(), record.value(), record.headers());
        long now = clock.millis();
        Screener screener = activePolicy.screener(); // one policy version for the whole record, even across a reload
        RecordScreening.Outcome outcome = screening.screen(source, screener, now);
        String key = source.topic() + "-" + source.partition();
        if (!key.equals(chainKey)) {
            chainKey = key;
            lastAuditHash = auditChain.get(key); // restored from the changelog after a restart
        }
        GuardOutputs.Encoded encoded = outputs.encode(source, outcome.decoded(), outcome.result(), screener.policy(), now, lastAuditHash);
        // Everything is encoded before the first forward, so an exception cannot leave a partial set of outputs.
        if (encoded.enforcement() != null) {
            forward(encoded.enforcement(), record.timestamp(), ScreeningTopology.ENFORCEMENT_SINK);
        }
        if (encoded.review() != null) {
            forward(encoded.review(), record.timestamp(), ScreeningTopology.REVIEW_SINK);
        }
        forward(encoded.audit(), record.timestamp(), ScreeningTopology.AUDIT_SINK);
        // Same transaction as the outputs (exactly-once): after a crash, store and audit topic agree.
        auditChain.put(chainKey, encoded.auditHash());
        lastAuditHash = encoded.auditHash();
        meters.record(outcome.result(), outcome.decoded() == null ? null : (CharSequence) outcome.decoded().get("facilityId"),
                now - record.timestamp());
    }

    private void forward(GuardOutputs.Out out, long timestamp, String sink) {
        context.forward(new Record<>(out.key(), out.value(), timestamp, out.headers()), sink);
    }
}
