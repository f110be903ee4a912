package org.disclosureguard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.disclosureguard.policy.Policy;
import org.disclosureguard.replay.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Dry run of the production topology over a JSON-lines file. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs the screening topology over a JSON-lines file of CaseRecordEvent objects (no broker) and "
                + "writes enforcement.jsonl, review.jsonl and audit.jsonl to the output folder.",
                "Input lines use the contract's field names: timestamps as epoch milliseconds, dates as YYYY-MM-DD, "
                + "enums as symbol names. A line that is not valid JSON or does not fit the contract is a REJECT."})
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON-lines input file.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Mixin
    PolicyOption policyOption;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new FriendlyErrors.UserError("input file not found: " + input);
        }
        Policy policy = policyOption.load();
        Replay.Summary summary = new Replay(policy).run(input, out);
        System.out.println(summary.line() + " (policy " + policy.id() + " " + policy.version() + "; output in " + out + ")");
        return 0;
    }
}
