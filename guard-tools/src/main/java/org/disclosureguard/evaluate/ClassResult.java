package org.disclosureguard.evaluate;

import java.util.List;
import java.util.Map;

/**
 * The result for one corpus class. {@code hits} is what the class is measured by: for therapy-derived classes
 * the records caught (held; for {@code structural}, also forwarded with the counseling block dropped), for
 * benign classes the records falsely held (held or rejected). {@code failures} lists where the guard got it
 * wrong (file:line): therapy-derived records that crossed, benign records that were held.
 */
public record ClassResult(String label, String className, int records, int hits, Map<Outcome, Integer> outcomes,
        List<String> failures) {

    public boolean therapy() {
        return CorpusLine.THERAPY.equals(label);
    }

    /** Therapy-derived: recall. Benign: false-hold rate. */
    public Rate rate() {
        return new Rate(hits, records);
    }

    public int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }
}
