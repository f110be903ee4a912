package org.disclosureguard.pipeline;

import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Base for property classes that send many tries through one TopologyTestDriver: creating a driver per try
 * would dominate the run time. Each try reads (drains) all outputs it produced.
 */
public abstract class SharedGuardProperties {
    private static GuardDriver guard;

    protected static synchronized GuardDriver guard() {
        if (guard == null) {
            guard = new GuardDriver();
        }
        return guard;
    }

    @AfterContainer
    static synchronized void closeSharedDriver() {
        if (guard != null) {
            guard.close();
            guard = null;
        }
    }
}
