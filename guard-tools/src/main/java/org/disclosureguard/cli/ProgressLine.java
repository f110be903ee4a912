package org.disclosureguard.cli;

import java.io.PrintStream;
import org.disclosureguard.contract.audit.Decision;
import org.disclosureguard.demo.DecisionCounter;

/** A live progress line: rewritten in place on a terminal, one line every few seconds otherwise (logs, CI). */
final class ProgressLine {
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private long lastTotal;
    private long lastNanos = System.nanoTime();
    private long lastPrinted;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    void show(long sent, DecisionCounter counter) {
        long now = System.nanoTime();
        long total = counter.total();
        double rate = (total - lastTotal) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastTotal = total;
        lastNanos = now;
        String line = String.format("in %d | forwarded %d | redacted %d | held %d | rejected %d | %.0f records/s",
                sent, counter.count(Decision.FORWARD), counter.count(Decision.FORWARD_REDACTED),
                counter.count(Decision.HOLD), counter.count(Decision.REJECT), rate);
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
        } else if (now - lastPrinted > 5_000_000_000L) {
            out.println(line);
            lastPrinted = now;
        }
    }

    void done() {
        if (terminal) {
            out.println();
        }
    }
}
