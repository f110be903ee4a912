package org.disclosureguard.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The sign-off options of the commands that compare a policy with the one it replaces (lint, publish-policy),
 * declared once: both commands flag a widening change and refuse it unless it is signed off.
 */
final class WideningOptions {
    @Option(names = "--against", paramLabel = "OLD_POLICY",
            description = "The policy this one replaces (the one in force): list every change that may let more cross to enforcement.")
    Path against;

    @Option(names = "--allow-widening",
            description = "Widening changes are signed off: report them but do not fail.")
    boolean allowWidening;
}
