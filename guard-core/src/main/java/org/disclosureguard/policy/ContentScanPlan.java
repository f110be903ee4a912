package org.disclosureguard.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.disclosureguard.language.LanguageGate;
import org.disclosureguard.language.LanguageProfile;
import org.disclosureguard.policy.PolicyDocument.ContentScanSpec;
import org.disclosureguard.policy.PolicyDocument.ContextGroup;
import org.disclosureguard.policy.PolicyDocument.EntryGroup;
import org.disclosureguard.policy.PolicyDocument.LanguageSpec;
import org.disclosureguard.policy.PolicyDocument.OtherLanguageSpec;
import org.disclosureguard.policy.PolicyDocument.PairGroup;
import org.disclosureguard.policy.PolicyDocument.ReasonSpec;
import org.disclosureguard.policy.PolicyProblem.Check;
import org.disclosureguard.scan.ContentScanner;
import org.disclosureguard.scan.Dictionary;
import org.disclosureguard.scan.DictionaryEntry;

/**
 * The compiled {@code contentScan} section: the scanner over every language's entries, the language gate (null
 * when the policy covers no language by name, as in a minimal policy) and the reasons for holding unreadable
 * text. Built by {@link #compile}, which reports every problem of the section at once.
 */
public record ContentScanPlan(ContentScanner scanner, LanguageGate languageGate, Map<TextHold, ReasonSpec> holdReasons,
                              ClassifierPlan classifier) {

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

    /** The compiled section, or null when it has problems (added to {@code problems}). */
    static ContentScanPlan compile(ContentScanSpec scan, List<PolicyProblem> problems) {
        int before = problems.size();
        Policy.require(scan.ruleId(), "contentScan.ruleId", problems);
        Policy.require(scan.explanation(), "contentScan.explanation", problems);
        List<DictionaryEntry> entries = entries(scan, problems);
        if (entries.stream().noneMatch(e -> !e.exclusion() && !e.cue())) {
            problems.add(new PolicyProblem(Check.DICTIONARY, "contentScan has no terms: a scan that can match nothing is not a scan"));
        }
        Dictionary.problems(entries).forEach(p -> problems.add(new PolicyProblem(Check.DICTIONARY, "contentScan: " + p)));
        List<LanguageProfile> covered = languages(scan.languages(), problems);
        List<LanguageProfile> others = otherLanguages(scan.otherLanguages(), covered, problems);
        Map<TextHold, ReasonSpec> reasons = holdReasons(scan.holdReasons(), problems);
        ClassifierPlan classifier = ClassifierPlan.compile(scan.classifier(), problems);
        if (problems.size() > before) {
            return null;
        }
        List<String> coveredText = new ArrayList<>();
        (scan.languages() == null ? List.<LanguageSpec>of() : scan.languages()).forEach(l -> coveredText.addAll(l.markers()));
        entries.forEach(e -> coveredText.add(e.text()));
        LanguageGate gate = covered.isEmpty() ? null : new LanguageGate(covered, others, coveredText);
        // The entries were checked above (problems would have returned null): compile without a second check.
        return new ContentScanPlan(new ContentScanner(Dictionary.compileChecked(entries)), gate, reasons, classifier);
    }

    private static List<DictionaryEntry> entries(ContentScanSpec scan, List<PolicyProblem> problems) {
        List<DictionaryEntry> entries = new ArrayList<>();
        (scan.terms() == null ? List.<String>of() : scan.terms()).forEach(t -> entries.add(DictionaryEntry.term(t)));
        (scan.exclusions() == null ? List.<String>of() : scan.exclusions()).forEach(e -> entries.add(DictionaryEntry.exclusion(e)));
        int pair = 0;
        for (LanguageSpec language : scan.languages() == null ? List.<LanguageSpec>of() : scan.languages()) {
            String where = "contentScan.languages[" + language.code() + "]";
            addGroups(language.terms(), false, where + ".terms", entries, problems);
            addGroups(language.exclusions(), true, where + ".exclusions", entries, problems);
            pair = addPairs(language.pairs(), pair, where + ".pairs", entries, problems);
            pair = addContexts(language.contexts(), pair, where + ".contexts", entries, problems);
        }
        return entries;
    }

    /** Adds the cues of each context group under the next two pair slots; returns the slot after the last one used. */
    private static int addContexts(List<ContextGroup> groups, int pair, String where, List<DictionaryEntry> entries,
                                   List<PolicyProblem> problems) {
        for (int g = 0; groups != null && g < groups.size(); g++) {
            ContextGroup group = groups.get(g);
            if (group == null || Policy.isBlank(group.reason())) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g + " has no reason: say which benign sense its context names"));
            }
            if (group == null || isEmpty(group.heads()) || isEmpty(group.context()) || isEmpty(group.unless())) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g
                        + " needs heads, context and unless cues (a context without an unless would let any telling through)"));
                continue;
            }
            if (pair + 1 >= Dictionary.MAX_PAIRS) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g + ": a policy may have at most "
                        + Dictionary.MAX_PAIRS + " pair slots (a pair takes one, a context group two)"));
                continue;
            }
            int slot = pair;
            group.heads().forEach(c -> entries.add(DictionaryEntry.contextCue(c, slot, DictionaryEntry.ContextRole.HEAD)));
            group.context().forEach(c -> entries.add(DictionaryEntry.contextCue(c, slot, DictionaryEntry.ContextRole.CONTEXT)));
            group.unless().forEach(c -> entries.add(DictionaryEntry.contextCue(c, slot, DictionaryEntry.ContextRole.UNLESS)));
            pair += 2;
        }
        return pair;
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }

    /** Adds the cues of each pair group under the next pair number; returns the number after the last one used. */
    private static int addPairs(List<PairGroup> groups, int pair, String where, List<DictionaryEntry> entries,
                                List<PolicyProblem> problems) {
        for (int g = 0; groups != null && g < groups.size(); g++) {
            PairGroup group = groups.get(g);
            if (group == null || Policy.isBlank(group.reason())) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g + " has no reason: say why its cues count together"));
            }
            if (group == null || isEmpty(group.first()) || isEmpty(group.second())) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g + " needs cues on both sides (first and second)"));
                continue;
            }
            if (pair >= Dictionary.MAX_PAIRS) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g + ": a policy may have at most "
                        + Dictionary.MAX_PAIRS + " pair groups"));
                continue;
            }
            for (String cue : group.first()) {
                entries.add(DictionaryEntry.cue(cue, pair, false));
            }
            for (String cue : group.second()) {
                entries.add(DictionaryEntry.cue(cue, pair, true));
            }
            pair++;
        }
        return pair;
    }

    private static void addGroups(List<EntryGroup> groups, boolean exclusion, String where, List<DictionaryEntry> entries,
                                  List<PolicyProblem> problems) {
        for (int g = 0; groups != null && g < groups.size(); g++) {
            EntryGroup group = groups.get(g);
            if (group == null || Policy.isBlank(group.reason())) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g + " has no reason: say why its entries are there"));
            }
            if (group == null || group.entries() == null || group.entries().isEmpty()) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g + " has no entries"));
                continue;
            }
            if (exclusion && group.caseSensitive()) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " group #" + g + " is an exclusion group with matchCase: only terms can be case-sensitive"));
            }
            for (String text : group.entries()) {
                entries.add(new DictionaryEntry(text, exclusion, group.caseSensitive()));
            }
        }
    }

    private static List<LanguageProfile> languages(List<LanguageSpec> languages, List<PolicyProblem> problems) {
        List<LanguageProfile> profiles = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (LanguageSpec language : languages == null ? List.<LanguageSpec>of() : languages) {
            if (!validCode(language.code(), "contentScan.languages", codes, problems)) {
                continue;
            }
            if (Policy.isBlank(language.name())) {
                problems.add(new PolicyProblem(Check.DICTIONARY, "contentScan.languages[" + language.code() + "] has no name"));
            }
            if (language.markers() == null || language.markers().size() < 10) {
                problems.add(new PolicyProblem(Check.DICTIONARY, "contentScan.languages[" + language.code()
                        + "] needs at least 10 marker words (frequent function words) to be recognized"));
                continue;
            }
            if (language.terms() == null || language.terms().isEmpty()) {
                problems.add(new PolicyProblem(Check.DICTIONARY, "contentScan.languages[" + language.code()
                        + "] has no terms: a covered language must have a dictionary"));
            }
            profiles.add(LanguageProfile.of(language.code(), language.name(), language.markers()));
        }
        return profiles;
    }

    private static List<LanguageProfile> otherLanguages(List<OtherLanguageSpec> others, List<LanguageProfile> covered,
                                                        List<PolicyProblem> problems) {
        List<LanguageProfile> profiles = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        covered.forEach(c -> codes.add(c.code()));
        for (OtherLanguageSpec other : others == null ? List.<OtherLanguageSpec>of() : others) {
            if (!validCode(other.code(), "contentScan.otherLanguages", codes, problems)) {
                continue;
            }
            if (other.markers() == null || other.markers().isEmpty()) {
                problems.add(new PolicyProblem(Check.DICTIONARY, "contentScan.otherLanguages[" + other.code() + "] has no markers"));
                continue;
            }
            profiles.add(LanguageProfile.of(other.code(), other.name() == null ? other.code() : other.name(), other.markers()));
        }
        return profiles;
    }

    private static boolean validCode(String code, String where, Set<String> seen, List<PolicyProblem> problems) {
        if (code == null || !LANGUAGE_CODE.matcher(code).matches()) {
            problems.add(new PolicyProblem(Check.DICTIONARY, where + ": '" + code + "' is not an ISO 639 language code (two or three lower-case letters)"));
            return false;
        }
        if (!seen.add(code)) {
            problems.add(new PolicyProblem(Check.DICTIONARY, where + ": language '" + code + "' is listed twice"));
            return false;
        }
        return true;
    }

    private static Map<TextHold, ReasonSpec> holdReasons(Map<String, ReasonSpec> written, List<PolicyProblem> problems) {
        Map<TextHold, ReasonSpec> reasons = new EnumMap<>(TextHold.class);
        Map<String, ReasonSpec> given = written == null ? Map.of() : written;
        for (TextHold hold : TextHold.values()) {
            ReasonSpec reason = given.get(hold.key());
            String where = "contentScan.holdReasons." + hold.key();
            if (reason == null) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " is missing: every reason to hold unreadable text needs a rule id, an explanation and a legal basis"));
                continue;
            }
            if (Policy.isBlank(reason.ruleId()) || Policy.isBlank(reason.explanation()) || Policy.isBlank(reason.legalBasis())) {
                problems.add(new PolicyProblem(Check.DICTIONARY, where + " needs a ruleId, an explanation and a legalBasis"));
                continue;
            }
            reasons.put(hold, reason);
        }
        for (String key : given.keySet()) {
            if (java.util.Arrays.stream(TextHold.values()).noneMatch(h -> h.key().equals(key))) {
                problems.add(new PolicyProblem(Check.DICTIONARY, "contentScan.holdReasons." + key + " is not a known reason"));
            }
        }
        return reasons;
    }
}
