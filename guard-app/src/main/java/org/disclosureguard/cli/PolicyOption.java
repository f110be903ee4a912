package org.disclosureguard.cli;

import java.nio.file.Path;
import org.disclosureguard.policy.Policy;
import picocli.CommandLine.Option;

/** The --policy option of the commands that screen with a policy (demo, replay, evaluate), declared once. */
final class PolicyOption {
    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML file (default: the bundled policy).")
    Path file;

    /** The policy of the file given, or the bundled one; a policy that does not compile is a PolicyException. */
    Policy load() {
        return Policy.load(file);
    }
}
