package org.disclosureguard.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.disclosureguard.review.ReviewService.Summary;

/**
 * What a reviewer asks of the queue: which records (state, facility, rule, decision, minimum age, a search by case,
 * child, event or record id), in which order, and which page. Text filters ignore case and match a part ("tx-01" finds FAC-TX-014);
 * a record matches a rule filter when any of its rules does. A pure function of the summaries, so the console and
 * the API page the same way.
 *
 * @param state       PENDING, ... or null for any
 * @param facility    part of the facility id, or null
 * @param rule        part of a rule id, or null
 * @param disposition HOLD or REJECT, or null
 * @param search      part of the case id, the child id, the event id or the record's id, or null
 * @param sort        the order
 * @param offset      records skipped (from 0)
 * @param limit       records answered at most
 */
public record TriageQuery(String state, String facility, String rule, String disposition, long minAgeSeconds,
                          String search, Sort sort, int offset, int limit) {

    /** Largest page a request may ask for. */
    public static final int MAX_LIMIT = 1000;
    /** The console's page. */
    public static final int DEFAULT_PAGE = 50;
    /** Most values a pick-list offers (facilities, rules). */
    public static final int MAX_CHOICES = 200;

    /** Orders of the queue. */
    public enum Sort {
        OLDEST("oldest first", Comparator.comparingLong(Summary::heldAt)),
        NEWEST("newest first", Comparator.comparingLong(Summary::heldAt).reversed()),
        FACILITY("by facility", Comparator.comparing(Summary::facilityId, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparingLong(Summary::heldAt)),
        CASE("by case", Comparator.comparing(Summary::caseId, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
                .thenComparingLong(Summary::heldAt)),
        RULE("by first rule", Comparator.comparing((Summary s) -> s.ruleIds().isEmpty() ? "" : s.ruleIds().get(0))
                .thenComparingLong(Summary::heldAt));

        private final String label;
        private final Comparator<Summary> order;

        Sort(String label, Comparator<Summary> order) {
            this.label = label;
            this.order = order;
        }

        public String label() {
            return label;
        }

        /** The sort named {@code name} (any case); null or empty: oldest first, the backlog's head. */
        public static Sort parse(String name) {
            if (name == null || name.isBlank()) {
                return OLDEST;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sort is one of oldest, newest, facility, case, rule");
            }
        }
    }

    public TriageQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("the offset is 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("the page size is 1 to " + MAX_LIMIT);
        }
        sort = sort == null ? Sort.OLDEST : sort;
    }

    /** Every record in a state (or any), oldest first, as many as a page may hold. */
    public static TriageQuery all(String state) {
        return new TriageQuery(state, null, null, null, 0, null, Sort.OLDEST, 0, MAX_LIMIT);
    }

    /**
     * One page of the queue and how many records matched in all; {@code facilities} and {@code rules} are the values
     * the records in the asked state hold (whatever the other filters), for the filters' pick-lists.
     */
    public record Page(List<Summary> records, int total, int offset, int limit, List<String> facilities, List<String> rules) {
        public Page(List<Summary> records, int total, int offset, int limit) {
            this(records, total, offset, limit, List.of(), List.of());
        }

        public boolean hasNext() {
            return offset + records.size() < total;
        }
    }

    public Page apply(List<Summary> summaries) {
        List<Summary> matching = new ArrayList<>();
        TreeSet<String> facilities = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        TreeSet<String> rules = new TreeSet<>();
        for (Summary s : summaries) {
            if (matches(s)) {
                matching.add(s);
            }
            if (state == null || state.equalsIgnoreCase(s.state())) {
                if (s.facilityId() != null) {
                    facilities.add(s.facilityId());
                }
                rules.addAll(s.ruleIds());
            }
        }
        matching.sort(sort.order);
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return new Page(List.copyOf(matching.subList(from, to)), matching.size(), offset, limit, first(facilities), first(rules));
    }

    private static List<String> first(TreeSet<String> values) {
        return values.stream().limit(MAX_CHOICES).toList();
    }

    boolean matches(Summary s) {
        return (state == null || state.equalsIgnoreCase(s.state()))
                && contains(s.facilityId(), facility)
                && (rule == null || s.ruleIds().stream().anyMatch(r -> contains(r, rule)))
                && (disposition == null || disposition.equalsIgnoreCase(s.disposition()))
                && s.ageSeconds() >= minAgeSeconds
                && (search == null || contains(s.caseId(), search) || contains(s.childId(), search) || contains(s.quarantineId(), search)
                        || contains(s.eventId(), search));
    }

    private static boolean contains(String value, String part) {
        return part == null || (value != null && value.toLowerCase(Locale.ROOT).contains(part.trim().toLowerCase(Locale.ROOT)));
    }
}
