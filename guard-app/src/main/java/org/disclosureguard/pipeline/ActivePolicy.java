package org.disclosureguard.pipeline;

import java.util.concurrent.atomic.AtomicReference;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.screen.Screener;

/**
 * The policy in force, shared by the topology's processors, the exception handler and whatever reloads it. A
 * record is screened and stamped under one snapshot ({@link #screener()} once per record), so a reload between
 * records never mixes two versions in one decision.
 */
public final class ActivePolicy {
    private final AtomicReference<Screener> screener;

    public ActivePolicy(Policy initial) {
        this.screener = new AtomicReference<>(new Screener(initial));
    }

    /** The screener of the policy in force now: take it once per record. */
    public Screener screener() {
        return screener.get();
    }

    public Policy policy() {
        return screener.get().policy();
    }

    /** Puts {@code next} in force for every record screened from now on. Validation is the caller's job. */
    public void replace(Policy next) {
        screener.set(new Screener(next));
    }

    @Override
    public String toString() {
        Policy policy = policy();
        return policy.id() + " " + policy.version();
    }
}
