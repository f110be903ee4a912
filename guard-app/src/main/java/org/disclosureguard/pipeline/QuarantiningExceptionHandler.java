package org.disclosureguard.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.disclosureguard.contract.WireCodec;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.review.ReasonKind;
import org.disclosureguard.screen.Finding;
import org.disclosureguard.screen.ScreeningResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' processing exception handler (KIP-1033) with dead-letter records (KIP-1034): an unexpected
 * exception while screening holds the record instead of killing the app or skipping it silently. The handler
 * answers "resume" with two records that Kafka Streams writes in the same transaction: the review record (the
 * original bytes, a PROCESSING_ERROR reason and {@code __guard.errors.*} headers) and the audit decision, so the
 * record still has exactly one decision. Logs carry the coordinates and exception class, never the payload.
 *
 * <p>Only the screening node's failures are input records to decide. A failure in another node (the review
 * workflow filing a review record or applying a reviewer's command, the dashboards' counting) is not an input of
 * the guard and must not get an audit decision: that record goes to the dead-letter topic ({@link Topics#deadLetter},
 * in the same transaction), with its original bytes and {@code __guard.*} headers naming the node, its coordinates
 * and the exception's class (not its message, which may echo content), and is skipped. The node's own state says
 * what it missed (a review record not filed is still in the review topic; a command not applied is answered by no
 * decision event, so the reviewer retries).
 */
public final class QuarantiningExceptionHandler implements ProcessingExceptionHandler {
    public static final String RULE_ID = "processing.error";
    private static final Logger LOG = LoggerFactory.getLogger(QuarantiningExceptionHandler.class);

    private String reviewTopic;
    private String auditTopic;
    private String deadLetterTopic;
    private GuardOutputs outputs;
    private WireCodec inputCodec;
    private ActivePolicy activePolicy;
    private GuardMeters meters;

    @Override
    public void configure(Map<String, ?> configs) {
        ProcessorParts parts = GuardConfig.parts(configs);
        this.reviewTopic = parts.topics().review();
        this.auditTopic = parts.topics().audit();
        this.deadLetterTopic = parts.topics().deadLetter();
        this.inputCodec = parts.formats().inputCodec();
        this.outputs = parts.outputs();
        this.activePolicy = parts.activePolicy();
        this.meters = parts.meters();
    }

    @Override
    public synchronized Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (!ScreeningTopology.SCREEN.equals(context.processorNodeId())) {
            LOG.error("Dead-lettering {}-{}@{} to {} after an unexpected {} in processor {} (not an input to screen: no decision)",
                    context.topic(), context.partition(), context.offset(), deadLetterTopic, exception.getClass().getName(),
                    context.processorNodeId());
            return Response.resume(List.of(deadLetter(context, exception)));
        }
        SourceRecord source = new SourceRecord(context.topic(), context.partition(), context.offset(),
                context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers());
        LOG.warn("Holding input {} after an unexpected {} in processor {}",
                source.quarantineId(), exception.getClass().getName(), context.processorNodeId());
        ScreeningResult held = ScreeningResult.quarantined(Decision.HOLD, List.of(new Finding(RULE_ID,
                ReasonKind.PROCESSING_ERROR, null, null, null, null,
                "The guard failed while screening this record, so it is held (fail closed).",
                "Disclosure Guard principle 1 (fail closed)",
                exception.getClass().getName() + ": " + exception.getMessage())));
        long now = Clock.systemUTC().millis();
        GuardOutputs.Encoded encoded = outputs.encodeUnchained(source, bestEffortDecode(source.value()), held,
                activePolicy.policy(), now, exception);
        meters.record(held, null, now - source.timestamp());
        return Response.resume(List.of(
                new ProducerRecord<>(reviewTopic, null, source.timestamp(), encoded.review().key(),
                        encoded.review().value(), encoded.review().headers()),
                new ProducerRecord<>(auditTopic, null, source.timestamp(), encoded.audit().key(),
                        encoded.audit().value(), encoded.audit().headers())));
    }

    /** Identifiers for the review and audit records, if the bytes decode at all. */
    private GenericRecord bestEffortDecode(byte[] value) {
        try {
            return inputCodec.decode(value);
        } catch (Exception e) {
            return null;
        }
    }

    /** The failed record as it came in, with where it came from and what failed on it (no exception message). */
    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(GuardHeaders.SOURCE_TOPIC, utf8(context.topic()));
        headers.add(GuardHeaders.SOURCE_PARTITION, utf8(Integer.toString(context.partition())));
        headers.add(GuardHeaders.SOURCE_OFFSET, utf8(Long.toString(context.offset())));
        headers.add(GuardHeaders.DEAD_LETTER_NODE, utf8(context.processorNodeId()));
        headers.add(GuardHeaders.DEAD_LETTER_EXCEPTION, utf8(exception.getClass().getName()));
        return new ProducerRecord<>(deadLetterTopic, null, context.timestamp(), context.sourceRawKey(),
                context.sourceRawValue(), headers);
    }

    private static byte[] utf8(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }
}
