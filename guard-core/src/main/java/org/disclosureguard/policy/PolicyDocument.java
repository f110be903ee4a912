package org.disclosureguard.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The policy file as written (YAML), before validation and compilation. See README "Policy format".
 * Unknown keys are refused so that a typo cannot silently weaken a policy.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PolicyDocument(
        String id,
        String version,
        String description,
        Map<String, ClassificationPolicy> classifications,
        List<String> neverForward,
        List<RuleSpec> rules,
        ContentScanSpec contentScan,
        FieldShapesSpec fieldShapes) {

    /**
     * This document without its classifier: what {@code train-classifier} screens with, since a policy whose
     * classifier names a model digest is refused while the model is being retrained.
     */
    public PolicyDocument withoutClassifier() {
        ContentScanSpec scan = contentScan == null ? null : new ContentScanSpec(contentScan.ruleId(), contentScan.explanation(),
                contentScan.legalBasis(), contentScan.terms(), contentScan.exclusions(), contentScan.languages(),
                contentScan.otherLanguages(), contentScan.holdReasons(), null);
        return new PolicyDocument(id, version, description, classifications, neverForward, rules, scan, fieldShapes);
    }

    /** What happens to fields of one classification, and what a reviewer is told when it bites. */
    public record ClassificationPolicy(Action action, String ruleId, String explanation, String legalBasis) {}

    /** A record-level rule: a CEL condition over the record's fields that holds the whole record. */
    public record RuleSpec(String id, String condition, String explanation, String legalBasis) {}

    /** Why a record is held, as a reviewer reads it: the rule id, what it means and the law or principle behind it. */
    public record ReasonSpec(String ruleId, String explanation, String legalBasis) {}

    /**
     * The text classifier, optional: records whose prose the built-in model scores at or over {@code threshold}
     * are held under {@code ruleId} even when no dictionary entry matched. {@code modelSha256} names the model the
     * threshold was chosen for: a retrained model is a new policy version, and a widening for lint.
     */
    public record ClassifierSpec(String ruleId, Double threshold, String modelSha256, String explanation, String legalBasis) {}

    /**
     * The dictionary for scanned text: therapy terms and look-alike phrases that are not therapy, per covered
     * language (plus language-neutral {@code terms} and {@code exclusions}), the marker words of languages the
     * guard has no dictionary for, and the reasons text is held for being unreadable.
     */
    public record ContentScanSpec(String ruleId, String explanation, String legalBasis,
                                  List<String> terms, List<String> exclusions,
                                  List<LanguageSpec> languages, List<OtherLanguageSpec> otherLanguages,
                                  Map<String, ReasonSpec> holdReasons, ClassifierSpec classifier) {

        /** Every term entry, neutral and per language, as written. */
        public List<String> allTerms() {
            return entries(terms, LanguageSpec::terms);
        }

        /** Every pair cue as written, marked with its pair and side ("pair 0 first: session"). */
        public List<String> allPairCues() {
            List<String> all = new ArrayList<>();
            for (LanguageSpec language : languages == null ? List.<LanguageSpec>of() : languages) {
                int pair = 0; // numbered per language, as allContextCues numbers its groups
                for (PairGroup group : language.pairs() == null ? List.<PairGroup>of() : language.pairs()) {
                    String prefix = "pair " + language.code() + "#" + pair++;
                    (group.first() == null ? List.<String>of() : group.first()).forEach(c -> all.add(prefix + " first: " + c));
                    (group.second() == null ? List.<String>of() : group.second()).forEach(c -> all.add(prefix + " second: " + c));
                }
            }
            return all;
        }

        /**
         * Every context-group cue as written, marked with its language, group and part ("context en#0 heads:
         * therapist"); heads and context cues widen when added, unless cues when removed.
         */
        public List<String> allContextCues() {
            List<String> all = new ArrayList<>();
            for (LanguageSpec language : languages == null ? List.<LanguageSpec>of() : languages) {
                int index = 0;
                for (ContextGroup group : language.contexts() == null ? List.<ContextGroup>of() : language.contexts()) {
                    String prefix = "context " + language.code() + "#" + index++;
                    (group.heads() == null ? List.<String>of() : group.heads()).forEach(c -> all.add(prefix + " heads: " + c));
                    (group.context() == null ? List.<String>of() : group.context()).forEach(c -> all.add(prefix + " context: " + c));
                    (group.unless() == null ? List.<String>of() : group.unless()).forEach(c -> all.add(prefix + " unless: " + c));
                }
            }
            return all;
        }

        /** Every exclusion entry, neutral and per language, as written. */
        public List<String> allExclusions() {
            return entries(exclusions, LanguageSpec::exclusions);
        }

        private List<String> entries(List<String> neutral, Function<LanguageSpec, List<EntryGroup>> groups) {
            List<String> all = new ArrayList<>(neutral == null ? List.of() : neutral);
            for (LanguageSpec language : languages == null ? List.<LanguageSpec>of() : languages) {
                for (EntryGroup group : groups.apply(language) == null ? List.<EntryGroup>of() : groups.apply(language)) {
                    all.addAll(group.entries() == null ? List.of() : group.entries());
                }
            }
            return all;
        }
    }

    /**
     * A language the dictionary covers: its marker words (frequent function words, the cheap language profile)
     * and its term and exclusion groups.
     */
    public record LanguageSpec(String code, String name, List<String> markers, List<EntryGroup> terms,
                               List<EntryGroup> exclusions, List<PairGroup> pairs, List<ContextGroup> contexts) {

        public LanguageSpec(String code, String name, List<String> markers, List<EntryGroup> terms,
                            List<EntryGroup> exclusions) {
            this(code, name, markers, terms, exclusions, null, null);
        }
    }

    /**
     * The bare words of terms ({@code heads}: "therapist") that do not hold text when their sentence names the benign
     * sense ({@code context}: "fractured wrist", "exercises") and tells nothing ({@code unless}: "disclosed",
     * "abuse"), nor has any other hit. Context and unless cues are evidence: exclusions do not suppress them.
     */
    public record ContextGroup(String reason, List<String> heads, List<String> context, List<String> unless) {}

    /**
     * Two lists of cues that hold text only together, in one sentence and close to each other: a setting that is not
     * therapy on its own ("session": court sessions exist) and an act that is not therapy on its own ("the child
     * said that"). Exclusions suppress cues as they suppress terms.
     */
    public record PairGroup(String reason, List<String> first, List<String> second) {}

    /** Entries that share a reason (and, for abbreviations that are common words, case-sensitive matching). */
    public record EntryGroup(String reason, Boolean matchCase, List<String> entries) {
        public boolean caseSensitive() {
            return Boolean.TRUE.equals(matchCase);
        }
    }

    /** A language the guard has no dictionary for, with marker words that tell it from the covered ones. */
    public record OtherLanguageSpec(String code, String name, List<String> markers) {}

    /**
     * Shapes of forwarded string fields: a schema field's {@code "shape"} property names one of these, and a value
     * that does not fit holds the record (prose in a code field).
     */
    public record FieldShapesSpec(String ruleId, String explanation, String legalBasis, Map<String, ShapeSpec> shapes) {}

    /** One shape: a regular expression the whole value must match, or a closed list of values (case-insensitive). */
    public record ShapeSpec(String description, String pattern, List<String> values) {}
}
