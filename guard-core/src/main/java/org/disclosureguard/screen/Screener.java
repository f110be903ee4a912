package org.disclosureguard.screen;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.contract.review.ReasonKind;
import org.disclosureguard.policy.Action;
import org.disclosureguard.policy.ClassifierPlan;
import org.disclosureguard.policy.FieldCheck;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.policy.PolicyDocument;
import org.disclosureguard.policy.ProjectionException;
import org.disclosureguard.policy.RecordRule;
import org.disclosureguard.language.LanguageGate;
import org.disclosureguard.language.LanguageVerdict;
import org.disclosureguard.policy.TextHold;
import org.disclosureguard.scan.ContentScanner;
import org.disclosureguard.scan.Escapes;
import org.disclosureguard.scan.ScanResult;
import org.disclosureguard.scan.TextSignal;
import org.disclosureguard.scan.TermMatch;
import org.disclosureguard.policy.Projection;

/**
 * The screening core: a pure function from a decoded input record and a policy to a decision. No Kafka here.
 * Fail closed: a rule that cannot be evaluated holds the record, and only a record that every check let through
 * is projected onto the enforcement schema. Every reason is collected (not just the first) so that a reviewer
 * sees the whole picture. Thread-safe.
 */
public final class Screener {
    /** Bounds the review record: after this many content hits in one field, the rest are summarized. */
    static final int MAX_HITS_PER_FIELD = 20;
    public static final String RULE_ERROR_ID = "rule.evaluation-error";
    public static final String PROJECTION_ID = "projection.no-place-in-output";

    /** Bounds {@link #cleanForwardedValues}: past this many entries it starts over. */
    static final int MAX_REMEMBERED_VALUES = 20_000;

    private final Policy policy;
    /**
     * Forwarded values (path and value) already found to fit their shape with nothing to report: codes, names and
     * facilities repeat from record to record, so most forwarded strings are screened once per policy. Only clean
     * values are remembered, so a hit is never skipped; the screen stays a function of record and policy.
     */
    private final java.util.Map<String, Boolean> cleanForwardedValues = new java.util.concurrent.ConcurrentHashMap<>();

    public Screener(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    public ScreeningResult screen(GenericRecord record, long screenedAt) {
        return screen(record, screenedAt, true, new ArrayList<>(2));
    }

    /**
     * The free text the classifier reads in a record, exactly as {@link #screen} collects it: every scanned value
     * (its encoded runs blanked) and the texts decoded out of them. For training the model on the same input it is applied to. Forwarded
     * strings are not prose: ids, codes and names (an event id spelled "evt-eval-en-plain-0001" taught the first
     * model its corpus's labels), and prose typed into one fails the field's shape anyway.
     */
    public List<CharSequence> prose(GenericRecord record) {
        List<CharSequence> prose = new ArrayList<>(2);
        screen(record, 0L, true, prose);
        return prose;
    }

    /**
     * The structural screen only: record rules, held and dropped fields, the projection, but no content scan. For
     * a reviewer's "false positive": the text may be released as it is, but a record that a provenance rule or a
     * held field stops cannot be.
     */
    public ScreeningResult screenStructure(GenericRecord record, long screenedAt) {
        return screen(record, screenedAt, false, new ArrayList<>(0));
    }

    private ScreeningResult screen(GenericRecord record, long screenedAt, boolean scanContent, List<CharSequence> prose) {
        List<Finding> findings = new ArrayList<>();
        applyRecordRules(record, findings);
        List<String> dropped = new ArrayList<>();
        Set<String> dropRuleIds = new LinkedHashSet<>();
        List<ScannedText> scanned = new ArrayList<>(2);
        for (FieldCheck check : policy.fieldPlan().checks()) {
            Object value = valueAt(record, check.positions());
            if (isEmpty(value)) {
                continue;
            }
            switch (check.action()) {
                case DROP -> {
                    dropped.add(check.path());
                    dropRuleIds.add(check.ruleId());
                }
                case HOLD -> findings.add(Finding.of(check.ruleId(), ReasonKind.FIELD_CLASSIFICATION, check.path(),
                        check.explanation(), check.legalBasis()));
                case SCAN -> {
                    if (scanContent) {
                        scanText(check.path(), value, findings, scanned, prose);
                    }
                }
                case PASS -> screenForwardedString(check, value, findings, scanContent);
            }
        }
        if (findings.isEmpty()) {
            scanAcrossFields(scanned, findings);
        }
        if (findings.isEmpty() && scanContent) {
            classify(prose, findings);
        }
        if (!findings.isEmpty()) {
            return ScreeningResult.quarantined(Decision.HOLD, findings);
        }
        try {
            GenericRecord projected = policy.projection().project(record,
                    new Projection.Stamp(policy.id(), policy.version(), screenedAt));
            return new ScreeningResult(dropped.isEmpty() ? Decision.FORWARD : Decision.FORWARD_REDACTED,
                    List.of(), dropped, List.copyOf(dropRuleIds), projected);
        } catch (ProjectionException e) {
            return ScreeningResult.quarantined(Decision.HOLD, List.of(new Finding(PROJECTION_ID, ReasonKind.PROJECTION,
                    e.fieldPath(), null, null, null,
                    "The record has a value that the enforcement schema has no place for, so it cannot be forwarded as is.",
                    "Disclosure Guard principle 2 (allow-list projection)", e.getMessage())));
        }
    }

    private void applyRecordRules(GenericRecord record, List<Finding> findings) {
        RecordRule anyRule = policy.anyRule();
        if (anyRule != null) {
            try {
                if (!anyRule.matches(record)) {
                    return; // exact: no rule matches and none fails
                }
            } catch (Exception e) {
                // some rule fails on this record: the one-by-one pass below says which
            }
        }
        for (RecordRule rule : policy.rules()) {
            try {
                if (rule.matches(record)) {
                    findings.add(Finding.of(rule.id(), ReasonKind.RECORD_RULE, null, rule.explanation(), rule.legalBasis()));
                }
            } catch (Exception e) {
                // Fail closed: a rule we cannot evaluate might have held the record.
                findings.add(new Finding(RULE_ERROR_ID, ReasonKind.PROCESSING_ERROR, null, null, null, null,
                        "Rule " + rule.id() + " could not be evaluated on this record, so the record is held.",
                        "Disclosure Guard principle 1 (fail closed)", e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }

    /** A free-text value that was scanned on its own, kept for the scan across fields. */
    private record ScannedText(String path, CharSequence text) {}

    /**
     * A term cut across two free-text fields ("...told his thera" | "pist that...") is in neither alone. When no
     * field matched by itself, the texts are scanned joined, in both orders (there are rarely more than two), both
     * as separate words (a multi-word term across the cut) and glued (a word cut in two).
     */
    private void scanAcrossFields(List<ScannedText> scanned, List<Finding> findings) {
        if (scanned.size() < 2) {
            return;
        }
        List<TermMatch> matches = List.of();
        for (int variant = 0; variant < 4 && matches.isEmpty(); variant++) {
            matches = policy.scanner().scan(joined(scanned, variant % 2 == 1, variant < 2 ? "\n" : ""));
        }
        if (!matches.isEmpty()) {
            PolicyDocument.ContentScanSpec spec = policy.contentScan();
            List<String> paths = scanned.stream().map(ScannedText::path).toList();
            findings.add(new Finding(spec.ruleId(), ReasonKind.CONTENT_SCAN, String.join("+", paths), matches.get(0).term(),
                    null, null, spec.explanation(), spec.legalBasis(),
                    "the term is split across the free-text fields " + paths));
        }
    }

    private static StringBuilder joined(List<ScannedText> scanned, boolean reversed, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < scanned.size(); i++) {
            text.append(scanned.get(reversed ? scanned.size() - 1 - i : i).text()).append(separator);
        }
        return text;
    }

    private void scanText(String path, Object value, List<Finding> findings, List<ScannedText> scanned,
                          List<CharSequence> prose) {
        if (value instanceof CharSequence text) {
            scanned.add(new ScannedText(path, text));
            scanFreeText(path, text, findings, prose);
        } else if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (item != null) {
                    scanFreeText(path + "[" + i + "]", item.toString(), findings, prose);
                }
                i++;
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null) {
                    scanFreeText(path + "." + entry.getKey(), entry.getValue().toString(), findings, prose);
                }
            }
        }
    }

    /** A free text scanned with its language check; the text (encoded runs blanked) and its decodings are prose. */
    private void scanFreeText(String path, CharSequence text, List<Finding> findings, List<CharSequence> prose) {
        ScanResult result = scanOne(path, text, findings, true);
        prose.add(result.prose(text));
        prose.addAll(result.decodedTexts());
    }

    /**
     * Text that no term, pair or signal stopped may still read like a retold session in words no dictionary
     * lists: the policy's classifier, when it has one, holds the record when its prose scores at or over the
     * threshold. The score goes to the reviewer (in the detail, never in the audit).
     */
    private void classify(List<CharSequence> prose, List<Finding> findings) {
        ClassifierPlan classifier = policy.classifier();
        if (classifier == null || prose.isEmpty()) {
            return;
        }
        double score = classifier.model().score(prose);
        if (score >= classifier.threshold()) {
            PolicyDocument.ClassifierSpec spec = classifier.spec();
            // The score only: the heaviest words are words of the text, and review reasons travel unsealed.
            findings.add(new Finding(spec.ruleId(), ReasonKind.CONTENT_SCAN, null, null, null, null, spec.explanation(),
                    spec.legalBasis(), String.format(Locale.ROOT, "score %.1f, threshold %.1f", score, classifier.threshold())));
        }
    }

    /**
     * A string the policy forwards (an id, a name, a code): it must have its field's shape, and it is scanned like
     * free text, without the language check (names and codes are in no language).
     */
    private void screenForwardedString(FieldCheck check, Object value, List<Finding> findings, boolean scanContent) {
        if (!(value instanceof CharSequence text)) {
            return;
        }
        String remembered = check.path() + '\u0000' + text;
        if (cleanForwardedValues.containsKey(remembered)) {
            return;
        }
        int before = findings.size();
        if (check.shape() != null && !check.shape().fits(text)) {
            PolicyDocument.FieldShapesSpec shapes = policy.fieldShapes();
            findings.add(new Finding(shapes.ruleId(), ReasonKind.FIELD_CLASSIFICATION, check.path(), null, null, null,
                    shapes.explanation(), shapes.legalBasis(), "the value is not " + check.shape().description()));
        }
        if (scanContent && policy.scanner() != null) {
            scanOne(check.path(), text, findings, false);
        }
        if (scanContent && findings.size() == before) {
            if (cleanForwardedValues.size() >= MAX_REMEMBERED_VALUES) {
                cleanForwardedValues.clear();
            }
            cleanForwardedValues.put(remembered, Boolean.TRUE);
        }
    }

    /** Adds the findings of one text's scan (and language check) and returns what the scan read. */
    private ScanResult scanOne(String path, CharSequence text, List<Finding> findings, boolean checkLanguage) {
        ContentScanner scanner = policy.scanner();
        PolicyDocument.ContentScanSpec spec = policy.contentScan();
        ScanResult result = scanner.inspect(text);
        List<TermMatch> matches = result.matches();
        int shown = Math.min(matches.size(), MAX_HITS_PER_FIELD);
        for (int i = 0; i < shown; i++) {
            TermMatch match = matches.get(i);
            String more = i == shown - 1 && matches.size() > shown ? (matches.size() - shown) + " more matches in this field" : null;
            String encoded = match.encoding() == null ? null : "inside " + match.encoding() + "-encoded text";
            findings.add(new Finding(spec.ruleId(), ReasonKind.CONTENT_SCAN, path, match.term(), match.start(), match.end(),
                    spec.explanation(), spec.legalBasis(), encoded == null ? more : more == null ? encoded : encoded + "; " + more));
        }
        Set<TextHold> held = new LinkedHashSet<>();
        for (TextSignal signal : result.signals()) {
            TextHold hold = TextHold.of(signal.kind());
            if (held.add(hold)) {
                findings.add(unreadable(hold, path, signal.start(), signal.end(), null));
            }
        }
        LanguageGate gate = policy.languageGate();
        if (checkLanguage && gate != null) {
            LanguageVerdict verdict = gate.check(Escapes.readable(text.toString()));
            for (int i = 0; verdict.covered() && i < result.decodedTexts().size(); i++) {
                verdict = gate.check(result.decodedTexts().get(i));
            }
            if (!verdict.covered()) {
                findings.add(unreadable(TextHold.LANGUAGE_NOT_COVERED, path, null, null,
                        "detected language: " + verdict.describe()));
            }
        }
        return result;
    }

    private Finding unreadable(TextHold hold, String path, Integer start, Integer end, String detail) {
        PolicyDocument.ReasonSpec reason = policy.holdReason(hold);
        return new Finding(reason.ruleId(), ReasonKind.CONTENT_SCAN, path, null, start, end, reason.explanation(),
                reason.legalBasis(), detail);
    }

    /** Walks schema positions from the root; null as soon as a nullable parent is absent. */
    static Object valueAt(GenericRecord record, int[] positions) {
        Object current = record;
        for (int position : positions) {
            if (!(current instanceof GenericRecord r)) {
                return null;
            }
            current = r.get(position);
        }
        return current;
    }

    static boolean isEmpty(Object value) {
        if (value == null) {
            return true;
        }
        if (value instanceof CharSequence text) {
            return text.length() == 0;
        }
        if (value instanceof Collection<?> items) {
            return items.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty();
        }
        if (value instanceof ByteBuffer bytes) {
            return !bytes.hasRemaining();
        }
        return false;
    }
}
