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
 *
 * <p>Label values that come from the input (facility ids) or from reviewers (false-positive terms) are bounded: each
 * meter takes at most {@code guard.metrics.max.label.values} distinct values, later ones count under
 * {@value #OTHER}, and a value that is no identifier (too long, or characters an id does not have) counts under
 * {@value #INVALID}. A producer that writes a million facility ids costs a scrape one more series, not a million.
 */
public class GuardMeters {
    /** Records nothing. */
    public static final GuardMeters NONE = new GuardMeters();

    /** The label value of a meter's values beyond its budget. */
    public static final String OTHER = "other";
    /** The label value of a value that is no identifier. */
    public static final String INVALID = "invalid";
    /** Longest label value kept as it is. */
    static final int MAX_LABEL_LENGTH = 64;

    private final MeterRegistry registry;
    private final Timer latency;
    private final int maxLabelValues;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /** Distinct label values taken so far, per meter name. */
    private final Map<String, java.util.Set<String>> labelValues = new ConcurrentHashMap<>();

    private GuardMeters() {
        this.registry = null;
        this.latency = null;
        this.maxLabelValues = 0;
    }

    public GuardMeters(MeterRegistry registry) {
        this(registry, GuardConfig.DEFAULT_METRICS_MAX_LABEL_VALUES);
    }

    public GuardMeters(MeterRegistry registry, int maxLabelValues) {
        this.registry = registry;
        this.maxLabelValues = maxLabelValues;
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
                    facilityId == null ? "unknown" : bounded("guard.facility.blocks", facilityId.toString())).increment();
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
                        bounded("guard.review.false.positive.terms", note.substring(FALSE_POSITIVE_NOTE.length()))).increment();
            }
        }
    }

    /** How a released false positive names a matched term on its decision event. */
    public static final String FALSE_POSITIVE_NOTE = "false-positive term: ";

    /** The value itself while the meter has room and it looks like an identifier or a term, else OTHER or INVALID. */
    String bounded(String name, String value) {
        if (value.isEmpty() || value.length() > MAX_LABEL_LENGTH || !value.codePoints().allMatch(GuardMeters::labelChar)) {
            return INVALID;
        }
        java.util.Set<String> taken = labelValues.computeIfAbsent(name, k -> ConcurrentHashMap.newKeySet());
        if (taken.contains(value)) {
            return value;
        }
        synchronized (taken) {
            if (taken.size() < maxLabelValues) {
                taken.add(value);
                return value;
            }
        }
        return OTHER;
    }

    /** Letters and digits of any script (terms are words), space, and the punctuation of ids. */
    private static boolean labelChar(int c) {
        return Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_' || c == '.' || c == ':' || c == '\'' || c == '*';
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(name + '\u0000' + value,
                k -> Counter.builder(name).description(description).tag(tag, value).register(registry));
    }
}
