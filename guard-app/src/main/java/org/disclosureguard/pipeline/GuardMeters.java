package org.disclosureguard.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.screen.ScreeningResult;

/**
 * The guard's own Prometheus meters, fed by the screening processor per record: decisions, rule hits, dropped
 * fields and blocking decisions by facility (counts and identifiers only), and the end-to-end latency from the
 * input record's timestamp to its decision. Thread-safe; {@link #NONE} where nobody scrapes (replay, tests).
 */
public class GuardMeters {
    /** Records nothing. */
    public static final GuardMeters NONE = new GuardMeters();

    private final MeterRegistry registry;
    private final Timer latency;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private GuardMeters() {
        this.registry = null;
        this.latency = null;
    }

    public GuardMeters(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("guard.processing.latency")
                .description("From the input record's timestamp to its decision")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    /** Counts one decision. */
    public void record(ScreeningResult result, CharSequence facilityId, long latencyMillis) {
        if (registry == null) {
            return;
        }
        Decision decision = result.decision();
        counter("guard.decisions", "Decisions by kind", "decision", decision.name()).increment();
        for (String rule : result.ruleIds()) {
            counter("guard.rule.hits", "Rules that held, rejected or redacted a record", "rule", rule).increment();
        }
        for (String field : result.droppedFields()) {
            counter("guard.dropped.fields", "Fields removed before forwarding", "field", field).increment();
        }
        if (decision != Decision.FORWARD) {
            counter("guard.facility.blocks", "Held, rejected or redacted records by facility", "facility",
                    facilityId == null ? "unknown" : facilityId.toString()).increment();
        }
        if (latencyMillis >= 0) {
            latency.record(latencyMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Counts one review decision event, and the dictionary terms a false positive released (for tuning). */
    public void recordReview(String eventType, java.util.List<String> notes) {
        if (registry == null) {
            return;
        }
        counter("guard.review.decisions", "Review decision events by type", "type", eventType).increment();
        for (String note : notes) {
            if (note.startsWith(FALSE_POSITIVE_NOTE)) {
                counter("guard.review.false.positive.terms", "Dictionary terms in records released as false positives", "term",
                        note.substring(FALSE_POSITIVE_NOTE.length())).increment();
            }
        }
    }

    /** How a released false positive names a matched term on its decision event. */
    public static final String FALSE_POSITIVE_NOTE = "false-positive term: ";

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(name + '\u0000' + value,
                k -> Counter.builder(name).description(description).tag(tag, value).register(registry));
    }
}
