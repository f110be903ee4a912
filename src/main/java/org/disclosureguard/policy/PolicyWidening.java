package org.disclosureguard.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.disclosureguard.scan.TextNormalizer;

/**
 * Compares a policy with the one it replaces and lists every change that may let more cross to enforcement: a
 * classification whose action became less strict, a classification no longer in neverForward, a record rule
 * removed or rewritten, the content scan removed, a dictionary term removed or an exclusion added. Such a change
 * needs a person's sign-off; a change that only narrows does not. Rewritten rules are listed too: whether a new
 * CEL condition matches fewer records cannot be decided, so it is treated as widening (fail closed).
 */
public final class PolicyWidening {
    private PolicyWidening() {}

    /** The widening changes from {@code previous} to {@code next}, one sentence each; empty when none. */
    public static List<String> between(PolicyDocument previous, Policy next) {
        PolicyDocument now = next.document();
        List<String> widenings = new ArrayList<>();
        classifications(previous, now, next.fieldPlan().classifications(), widenings);
        Set<String> neverForward = new LinkedHashSet<>(orEmpty(previous.neverForward()));
        neverForward.removeAll(orEmpty(now.neverForward()));
        neverForward.forEach(c -> widenings.add("classification '" + c + "' was removed from neverForward"));
        rules(previous, now, widenings);
        contentScan(previous.contentScan(), now.contentScan(), widenings);
        return widenings;
    }

    private static void classifications(PolicyDocument previous, PolicyDocument now, Map<String, String> fieldClasses,
                                        List<String> widenings) {
        Map<String, PolicyDocument.ClassificationPolicy> before = orEmpty(previous.classifications());
        Map<String, PolicyDocument.ClassificationPolicy> after = orEmpty(now.classifications());
        for (Map.Entry<String, PolicyDocument.ClassificationPolicy> entry : before.entrySet()) {
            PolicyDocument.ClassificationPolicy was = entry.getValue();
            PolicyDocument.ClassificationPolicy is = after.get(entry.getKey());
            if (was == null || was.action() == null || is == null || is.action() == null) {
                continue; // a classification without an action is a validation error, reported by compile
            }
            if (is.action().strictness() < was.action().strictness()) {
                Set<String> fields = new TreeSet<>();
                fieldClasses.forEach((path, classification) -> {
                    if (classification.equals(entry.getKey())) {
                        fields.add(path);
                    }
                });
                widenings.add("classification '" + entry.getKey() + "' changed from " + name(was.action()) + " to "
                        + name(is.action()) + (fields.isEmpty() ? "" : " (fields " + String.join(", ", fields) + ")"));
            }
        }
    }

    private static void rules(PolicyDocument previous, PolicyDocument now, List<String> widenings) {
        for (PolicyDocument.RuleSpec was : orEmpty(previous.rules())) {
            PolicyDocument.RuleSpec is = orEmpty(now.rules()).stream()
                    .filter(r -> Objects.equals(r.id(), was.id())).findFirst().orElse(null);
            if (is == null) {
                widenings.add("rule '" + was.id() + "' was removed");
            } else if (!Objects.equals(squash(was.condition()), squash(is.condition()))) {
                widenings.add("rule '" + was.id() + "' has a new condition, which may match fewer records: "
                        + squash(was.condition()) + "  ->  " + squash(is.condition()));
            }
        }
    }

    private static void contentScan(PolicyDocument.ContentScanSpec was, PolicyDocument.ContentScanSpec is, List<String> widenings) {
        if (was == null) {
            return;
        }
        if (is == null) {
            widenings.add("the content scan was removed");
            return;
        }
        Map<String, String> terms = normalized(was.terms());
        terms.keySet().removeAll(normalized(is.terms()).keySet());
        terms.values().forEach(t -> widenings.add("dictionary term '" + t + "' was removed"));
        Map<String, String> exclusions = normalized(is.exclusions());
        exclusions.keySet().removeAll(normalized(was.exclusions()).keySet());
        exclusions.values().forEach(e -> widenings.add("dictionary exclusion '" + e + "' was added"));
    }

    /**
     * Entries by the form the scanner sees (to their first spelling), so that respelling a term ("Therapist" for
     * "therapist") is no change.
     */
    private static Map<String, String> normalized(List<String> entries) {
        Map<String, String> byForm = new java.util.TreeMap<>();
        for (String entry : orEmpty(entries)) {
            if (entry != null) {
                byForm.putIfAbsent(TextNormalizer.normalize(entry), entry);
            }
        }
        return byForm;
    }

    private static String squash(String condition) {
        return condition == null ? "" : condition.trim().replaceAll("\\s+", " ");
    }

    private static String name(Action action) {
        return action.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
