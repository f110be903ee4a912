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
 * removed or rewritten, the content scan removed, a dictionary term removed or an exclusion added, the classifier
 * removed, its threshold raised or its model changed. Such a change
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
        fieldShapes(previous.fieldShapes(), now.fieldShapes(), widenings);
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
        Map<String, String> terms = normalized(was.allTerms());
        terms.keySet().removeAll(normalized(is.allTerms()).keySet());
        terms.values().forEach(t -> widenings.add("dictionary term '" + t + "' was removed"));
        Set<String> cues = new TreeSet<>(was.allPairCues());
        cues.removeAll(is.allPairCues());
        cues.forEach(c -> widenings.add("dictionary " + c + " was removed (or its pair renumbered)"));
        Set<String> added = new TreeSet<>(is.allContextCues());
        added.removeAll(was.allContextCues());
        added.stream().filter(c -> !c.contains(" unless: "))
                .forEach(c -> widenings.add("dictionary " + c + " was added (or its group renumbered)"));
        Set<String> removed = new TreeSet<>(was.allContextCues());
        removed.removeAll(is.allContextCues());
        removed.stream().filter(c -> c.contains(" unless: "))
                .forEach(c -> widenings.add("dictionary " + c + " was removed (or its group renumbered)"));
        Map<String, String> exclusions = normalized(is.allExclusions());
        exclusions.keySet().removeAll(normalized(was.allExclusions()).keySet());
        exclusions.values().forEach(e -> widenings.add("dictionary exclusion '" + e + "' was added"));
        Set<String> languages = new TreeSet<>();
        orEmpty(was.languages()).forEach(l -> languages.add(l.code()));
        orEmpty(is.languages()).forEach(l -> languages.remove(l.code()));
        languages.forEach(l -> widenings.add("language '" + l + "' was removed with its dictionary"));
        classifier(was.classifier(), is.classifier(), widenings);
    }

    /** The classifier removed, its threshold raised or its model changed (any model may hold less) widens. */
    private static void classifier(PolicyDocument.ClassifierSpec was, PolicyDocument.ClassifierSpec is, List<String> widenings) {
        if (was == null) {
            return;
        }
        if (is == null) {
            widenings.add("the classifier was removed");
            return;
        }
        if (was.threshold() != null && is.threshold() != null && is.threshold() > was.threshold()) {
            widenings.add("the classifier's threshold was raised from " + was.threshold() + " to " + is.threshold());
        }
        if (!Objects.equals(was.modelSha256(), is.modelSha256())) {
            widenings.add("the classifier's model changed (sha-256 " + was.modelSha256() + " -> " + is.modelSha256()
                    + "): a retrained model may hold records the old one held no longer");
        }
    }

    /** A shape removed, or changed at all (a pattern cannot be compared for strictness), may let prose through. */
    private static void fieldShapes(PolicyDocument.FieldShapesSpec was, PolicyDocument.FieldShapesSpec is, List<String> widenings) {
        if (was == null) {
            return;
        }
        Map<String, PolicyDocument.ShapeSpec> before = orEmpty(was.shapes());
        Map<String, PolicyDocument.ShapeSpec> after = is == null ? Map.of() : orEmpty(is.shapes());
        before.forEach((name, shape) -> {
            PolicyDocument.ShapeSpec now = after.get(name);
            if (now == null) {
                widenings.add("field shape '" + name + "' was removed");
            } else if (!Objects.equals(shape.pattern(), now.pattern())) {
                widenings.add("field shape '" + name + "' has a new pattern, which may accept more: " + shape.pattern()
                        + "  ->  " + now.pattern());
            } else if (!new java.util.HashSet<>(orEmpty(shape.values())).containsAll(orEmpty(now.values()))) {
                widenings.add("field shape '" + name + "' accepts new values");
            }
        });
    }

    /**
     * Entries by the form the scanner sees (to their first spelling), so that respelling a term ("Therapist" for
     * "therapist") is no change.
     */
    private static Map<String, String> normalized(List<String> entries) {
        Map<String, String> byForm = new java.util.TreeMap<>();
        for (String entry : orEmpty(entries)) {
            if (entry != null) {
                String written = entry.strip();
                byForm.putIfAbsent((written.startsWith("*") ? "*" : "") + TextNormalizer.normalize(written)
                        + (written.endsWith("*") ? "*" : ""), entry);
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
