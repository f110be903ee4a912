package org.disclosureguard.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.registry.GuardRecordReader;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.audit.ScreeningDecision;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.review.ReviewTopology;

/**
 * The guard's promises, checked on the topics themselves (read_committed): every input offset has exactly one
 * audit decision; every forwarded decision has exactly one enforcement record and every held or rejected one
 * exactly one review record, and nothing else is there; no canary string appears in the enforcement bytes.
 * Written once, used by every integration and fault test, the demo and the soak run.
 */
public final class ConservationChecker {
    /** What was found; {@link #problems()} is empty when every promise holds. */
    public record Report(long inputs, Map<Decision, Long> decisions, long enforcement, long review, List<String> problems) {
        public boolean clean() {
            return problems.isEmpty();
        }

        public long decided() {
            return decisions.values().stream().mapToLong(Long::longValue).sum();
        }

        public String summary() {
            return String.format("%d inputs, %d decisions (%d forwarded, %d redacted, %d held, %d rejected), "
                            + "%d enforcement records, %d review records: %s",
                    inputs, decided(), decisions.getOrDefault(Decision.FORWARD, 0L),
                    decisions.getOrDefault(Decision.FORWARD_REDACTED, 0L), decisions.getOrDefault(Decision.HOLD, 0L),
                    decisions.getOrDefault(Decision.REJECT, 0L), enforcement, review,
                    problems.isEmpty() ? "nothing missing, nothing twice, no canary leaked" : problems.size() + " problems");
        }
    }

    private static final int MAX_LISTED = 10;

    private ConservationChecker() {}

    public static Report check(Map<String, Object> clientSettings, Topics topics, Collection<String> canaries, Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> inputs = TopicReader.readAll(clientSettings, topics.input(), timeout);
        List<ConsumerRecord<byte[], byte[]>> audit = TopicReader.readAll(clientSettings, topics.audit(), timeout);
        List<ConsumerRecord<byte[], byte[]>> enforcement = TopicReader.readAll(clientSettings, topics.enforcement(), timeout);
        List<ConsumerRecord<byte[], byte[]>> review = TopicReader.readAll(clientSettings, topics.review(), timeout);
        List<String> problems = new ArrayList<>();
        GuardRecordReader reader = GuardRecordReader.from(clientSettings);

        Set<String> inputIds = new HashSet<>();
        inputs.forEach(r -> inputIds.add(r.topic() + "-" + r.partition() + "-" + r.offset()));

        Map<String, Integer> decisionsById = new HashMap<>();
        Map<String, Integer> expectedEnforcement = new HashMap<>();
        Map<String, Integer> expectedReview = new HashMap<>();
        Map<Decision, Long> counts = new EnumMap<>(Decision.class);
        for (ConsumerRecord<byte[], byte[]> record : audit) {
            ScreeningDecision decision = decodeAudit(reader, record.value(), problems);
            if (decision == null) {
                continue;
            }
            decisionsById.merge(decision.getDecisionId(), 1, Integer::sum);
            counts.merge(decision.getDecision(), 1L, Long::sum);
            if (decision.getDecision() == Decision.FORWARD || decision.getDecision() == Decision.FORWARD_REDACTED) {
                expectedEnforcement.merge(String.valueOf(decision.getEventId()), 1, Integer::sum);
            } else {
                expectedReview.merge(String.valueOf(decision.getQuarantineId()), 1, Integer::sum);
            }
        }
        list(problems, "inputs without a decision", inputIds.stream().filter(id -> !decisionsById.containsKey(id)).toList());
        list(problems, "inputs with more than one decision", decisionsById.entrySet().stream()
                .filter(e -> e.getValue() > 1).map(e -> e.getKey() + " x" + e.getValue()).toList());
        list(problems, "decisions for no input", decisionsById.keySet().stream().filter(id -> !inputIds.contains(id)).toList());

        Map<String, Integer> actualEnforcement = new HashMap<>();
        List<String> leaks = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : enforcement) {
            String bytes = new String(record.value(), StandardCharsets.UTF_8);
            for (String canary : canaries) {
                if (bytes.contains(canary)) {
                    leaks.add(canary + " at " + record.partition() + "/" + record.offset());
                }
            }
            if (record.headers().lastHeader(ReviewTopology.RELEASED_FROM_HEADER) != null) {
                continue; // released by a reviewer after review: it has a review decision, not a screening one
            }
            try {
                GenericRecord event = reader.enforcement(record.value());
                actualEnforcement.merge(event.get("eventId").toString(), 1, Integer::sum);
            } catch (Exception e) {
                problems.add("unreadable enforcement record at " + record.partition() + "/" + record.offset());
            }
        }
        list(problems, "canaries in the enforcement topic", leaks);
        compare(problems, "enforcement records (by event id)", expectedEnforcement, actualEnforcement);

        Map<String, Integer> actualReview = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : review) {
            try {
                actualReview.merge(reader.quarantined(record.value()).getQuarantineId(), 1, Integer::sum);
            } catch (IOException | RuntimeException e) {
                problems.add("unreadable review record at " + record.partition() + "/" + record.offset());
            }
        }
        compare(problems, "review records (by quarantine id)", expectedReview, actualReview);
        return new Report(inputs.size(), counts, enforcement.size(), review.size(), problems);
    }

    private static ScreeningDecision decodeAudit(GuardRecordReader reader, byte[] value, List<String> problems) {
        try {
            return reader.decision(value);
        } catch (IOException | RuntimeException e) {
            problems.add("unreadable audit record");
            return null;
        }
    }

    private static void compare(List<String> problems, String what, Map<String, Integer> expected, Map<String, Integer> actual) {
        List<String> missing = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            int want = expected.getOrDefault(key, 0);
            int have = actual.getOrDefault(key, 0);
            if (have < want) {
                missing.add(key + " (" + have + " of " + want + ")");
            } else if (have > want) {
                extra.add(key + " (" + have + " for " + want + " decisions)");
            }
        }
        list(problems, "missing " + what, missing);
        list(problems, "duplicated or unexplained " + what, extra);
    }

    private static void list(List<String> problems, String what, List<String> items) {
        if (!items.isEmpty()) {
            problems.add(items.size() + " " + what + ": "
                    + String.join(", ", items.subList(0, Math.min(MAX_LISTED, items.size())))
                    + (items.size() > MAX_LISTED ? ", ..." : ""));
        }
    }
}
