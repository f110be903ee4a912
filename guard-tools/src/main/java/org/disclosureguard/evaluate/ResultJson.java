package org.disclosureguard.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The machine-readable report of an evaluation, for CI dashboards; failures are listed in full. */
public final class ResultJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultJson() {}

    public static ObjectNode render(EvaluationResult result) {
        ObjectNode root = NODES.objectNode();
        root.putObject("policy").put("id", result.policyId()).put("version", result.policyVersion());

        ObjectNode therapy = root.putObject("therapy");
        therapy.set("classes", classes(result, CorpusLine.THERAPY, "caught", "recall", "missed"));
        therapy.set("recordSignals", rate(result.recordSignalRecall(), "caught", "recall"));
        therapy.set("text", rate(result.textRecall(), "caught", "recall"));
        therapy.set("all", rate(result.therapyRecall(), "caught", "recall"));

        ObjectNode benign = root.putObject("benign");
        benign.set("classes", classes(result, CorpusLine.BENIGN, "falselyHeld", "falseHoldRate", "falselyHeldLines"));
        benign.set("lookalikes", rate(result.lookalikeFalseHoldRate(), "falselyHeld", "falseHoldRate"));
        benign.set("all", rate(result.falseHoldRate(), "falselyHeld", "falseHoldRate"));
        return root;
    }

    private static ArrayNode classes(EvaluationResult result, String label, String hitsName, String rateName,
            String failuresName) {
        ArrayNode array = NODES.arrayNode();
        for (ClassResult c : result.classes(label)) {
            ObjectNode node = NODES.objectNode().put("class", c.className());
            node.setAll(rate(c.rate(), hitsName, rateName));
            ObjectNode outcomes = node.putObject("outcomes");
            for (Outcome outcome : Outcome.values()) {
                outcomes.put(outcome.name(), c.count(outcome));
            }
            ArrayNode failures = node.putArray(failuresName);
            c.failures().forEach(failures::add);
            array.add(node);
        }
        return array;
    }

    private static ObjectNode rate(Rate rate, String hitsName, String rateName) {
        ObjectNode node = NODES.objectNode();
        node.put("records", rate.total());
        node.put(hitsName, rate.count());
        if (rate.total() > 0) {
            node.put(rateName, rate.fraction());
        } else {
            node.putNull(rateName);
        }
        return node;
    }
}
