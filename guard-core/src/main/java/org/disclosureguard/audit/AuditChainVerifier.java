package org.disclosureguard.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.disclosureguard.contract.audit.ScreeningDecision;

/**
 * Checks the audit chains: per input partition, in input-offset order, every decision's hash matches its content
 * and its previousHash is the hash of the decision before it. A decision deleted from the middle, altered,
 * inserted or moved breaks the chain; a decision removed from the very end does not (compare with the input's
 * offsets for that: {@code ConservationChecker}). Decisions written by the processing exception handler carry no
 * link and are counted apart.
 */
public final class AuditChainVerifier {
    private static final int MAX_LISTED = 20;

    /** The outcome; intact when there are no problems. */
    public record Report(long decisions, int chains, long unchained, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }

        public String summary() {
            return String.format("%d decisions in %d partition chains (%d unchained, from processing errors): %s",
                    decisions, chains, unchained, intact() ? "intact" : problems.size() + " problems");
        }
    }

    private AuditChainVerifier() {}

    public static Report verify(List<ScreeningDecision> decisions) {
        Map<String, List<ScreeningDecision>> chains = new TreeMap<>();
        Map<String, Integer> ids = new HashMap<>();
        for (ScreeningDecision decision : decisions) {
            var source = decision.getSource();
            chains.computeIfAbsent(source.getTopic() + "-" + source.getPartition(), k -> new ArrayList<>()).add(decision);
            ids.merge(decision.getDecisionId(), 1, Integer::sum);
        }
        List<String> problems = new ArrayList<>();
        ids.forEach((id, count) -> {
            if (count > 1) {
                add(problems, "decision " + id + " appears " + count + " times");
            }
        });
        long unchained = 0;
        for (Map.Entry<String, List<ScreeningDecision>> chain : chains.entrySet()) {
            List<ScreeningDecision> ordered = new ArrayList<>(chain.getValue());
            ordered.sort(Comparator.comparingLong(d -> d.getSource().getOffset()));
            String previous = null;
            for (ScreeningDecision decision : ordered) {
                if (decision.getHash() == null && decision.getPreviousHash() == null) {
                    unchained++;
                    continue;
                }
                if (!Objects.equals(decision.getHash(), AuditChain.hashOf(decision))) {
                    add(problems, "decision " + decision.getDecisionId() + " was altered (its hash does not match its content)");
                }
                if (!Objects.equals(decision.getPreviousHash(), previous)) {
                    add(problems, "chain " + chain.getKey() + " is broken before decision " + decision.getDecisionId()
                            + " (a decision was removed, inserted or reordered)");
                }
                previous = decision.getHash();
            }
        }
        return new Report(decisions.size(), chains.size(), unchained, problems);
    }

    private static void add(List<String> problems, String problem) {
        if (problems.size() < MAX_LISTED) {
            problems.add(problem);
        } else if (problems.size() == MAX_LISTED) {
            problems.add("... and more");
        }
    }
}
