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

    /** What happens to fields of one classification, and what a reviewer is told when it bites. */
    public record ClassificationPolicy(Action action, String ruleId, String explanation, String legalBasis) {}

    /** A record-level rule: a CEL condition over the record's fields that holds the whole record. */
    public record RuleSpec(String id, String condition, String explanation, String legalBasis) {}

    /** Why a record is held, as a reviewer reads it: the rule id, what it means and the law or principle behind it. */
    public record ReasonSpec(String ruleId, String explanation, String legalBasis) {}

    /**
     * The dictionary for scanned text: therapy terms and look-alike phrases that are not therapy, per covered
     * language (plus language-neutral {@code terms} and {@code exclusions}), the marker words of languages the
     * guard has no dictionary for, and the reasons text is held for being unreadable.
     */
    public record ContentScanSpec(String ruleId, String explanation, String legalBasis,
                                  List<String> terms, List<String> exclusions,
                                  List<LanguageSpec> languages, List<OtherLanguageSpec> otherLanguages,
                                  Map<String, ReasonSpec> holdReasons) {

        /** Every term entry, neutral and per language, as written. */
        public List<String> allTerms() {
            return entries(terms, LanguageSpec::terms);
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
                               List<EntryGroup> exclusions) {}

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
