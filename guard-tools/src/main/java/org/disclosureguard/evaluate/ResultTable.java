package org.disclosureguard.evaluate;

import java.util.List;

/** The plain-text report of an evaluation: one table per corpus label, aggregates under each. */
public final class ResultTable {
    /** How many failing lines to name per class; the JSON report lists them all. */
    static final int FAILURES_SHOWN = 5;
    private static final String THERAPY_ROW = "%-34s %7d %7d %7s %6d %10d %7d %8d%n";
    private static final String BENIGN_ROW = "%-34s %7d %7d %7s %6d %7d %8d%n";

    private ResultTable() {}

    public static String render(EvaluationResult result) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Policy %s %s%n%n", result.policyId(), result.policyVersion()));

        List<ClassResult> therapy = result.classes(CorpusLine.THERAPY);
        if (!therapy.isEmpty()) {
            out.append("Therapy-derived (must not cross): recall = caught / records\n");
            out.append(String.format("%-34s %7s %7s %7s %6s %10s %7s %8s%n",
                    "class", "records", "caught", "recall", "held", "cns.dropped", "crossed", "rejected"));
            for (ClassResult c : therapy) {
                out.append(String.format(THERAPY_ROW, c.className(), c.records(), c.hits(), c.rate().percent(),
                        c.count(Outcome.HELD), c.count(Outcome.COUNSELING_DROPPED), c.count(Outcome.CROSSED),
                        c.count(Outcome.REJECTED)));
            }
            aggregate(out, "record signals (structural+provenance)", result.recordSignalRecall());
            aggregate(out, "text (text-*)", result.textRecall());
            aggregate(out, "all therapy-derived", result.therapyRecall());
            out.append('\n');
        }

        List<ClassResult> benign = result.classes(CorpusLine.BENIGN);
        if (!benign.isEmpty()) {
            out.append("Benign (must cross): false-hold rate = falsely held / records\n");
            out.append(String.format("%-34s %7s %7s %7s %6s %7s %8s%n",
                    "class", "records", "f.held", "rate", "held", "crossed", "rejected"));
            for (ClassResult c : benign) {
                out.append(String.format(BENIGN_ROW, c.className(), c.records(), c.hits(), c.rate().percent(),
                        c.count(Outcome.HELD), c.count(Outcome.CROSSED) + c.count(Outcome.COUNSELING_DROPPED),
                        c.count(Outcome.REJECTED)));
            }
            aggregate(out, "look-alikes (lookalike-*)", result.lookalikeFalseHoldRate());
            aggregate(out, "all benign", result.falseHoldRate());
            out.append('\n');
        }

        bySplit(out, result);
        failures(out, "Missed (therapy-derived, crossed)", therapy);
        failures(out, "Falsely held (benign)", benign);
        return out.toString();
    }

    /**
     * For the multilingual corpora (classes named [split/]language/kind): recall and false holds per split and
     * language, and recall per split and kind, so that a language or a disguise that lags shows at a glance.
     */
    private static void bySplit(StringBuilder out, EvaluationResult result) {
        java.util.Map<String, Rate[]> byLanguage = new java.util.TreeMap<>();
        java.util.Map<String, Rate[]> byKind = new java.util.TreeMap<>();
        for (ClassResult c : result.classes()) {
            String[] parts = c.className().split("/");
            if (parts.length < 2) {
                continue;
            }
            String split = parts.length == 3 && parts[0].equals("heldout") ? "held-out" : "tuning";
            String language = parts[parts.length - 2];
            String kind = parts[parts.length - 1];
            int slot = c.therapy() ? 0 : 1;
            Rate[] languageRates = byLanguage.computeIfAbsent(split + "  " + language, k -> new Rate[] {new Rate(0, 0), new Rate(0, 0)});
            languageRates[slot] = languageRates[slot].plus(c.rate());
            Rate[] kindRates = byKind.computeIfAbsent(split + "  " + (c.therapy() ? "therapy " : "benign ") + kind,
                    k -> new Rate[] {new Rate(0, 0)});
            kindRates[0] = kindRates[0].plus(c.rate());
        }
        if (byLanguage.isEmpty()) {
            return;
        }
        out.append("By split and language: recall (therapy-derived) and false holds (benign)\n");
        out.append(String.format("%-24s %9s %8s %9s %8s%n", "split  language", "therapy", "recall", "benign", "f.held"));
        byLanguage.forEach((key, rates) -> out.append(String.format("%-24s %9d %8s %9d %8s%n", key,
                rates[0].total(), rates[0].percent(), rates[1].total(), rates[1].percent())));
        out.append('\n');
        out.append("By split and kind: recall (therapy-derived) or false holds (benign)\n");
        byKind.forEach((key, rates) -> out.append(String.format("%-34s %7d %7d %7s%n", key, rates[0].total(),
                rates[0].count(), rates[0].percent())));
        out.append('\n');
    }

    private static void aggregate(StringBuilder out, String name, Rate rate) {
        out.append(String.format("%-34s %7d %7d %7s%n", "= " + name, rate.total(), rate.count(), rate.percent()));
    }

    private static void failures(StringBuilder out, String title, List<ClassResult> classes) {
        boolean any = classes.stream().anyMatch(c -> !c.failures().isEmpty());
        if (!any) {
            return;
        }
        out.append(title).append(":\n");
        for (ClassResult c : classes) {
            List<String> lines = c.failures();
            if (lines.isEmpty()) {
                continue;
            }
            String shown = String.join(", ", lines.subList(0, Math.min(FAILURES_SHOWN, lines.size())));
            String more = lines.size() > FAILURES_SHOWN ? " and " + (lines.size() - FAILURES_SHOWN) + " more" : "";
            out.append(String.format("  %s: %d (%s%s)%n", c.className(), lines.size(), shown, more));
        }
    }
}
