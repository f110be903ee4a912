package org.disclosureguard.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The command line of the jar for users: the production commands ({@link GuardMain}) and the tools around them
 * (the demo on an embedded broker, replay, produce, evaluate, bench, verify-audit).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = GuardMain.commandLine();
        for (Object tool : List.of(new DemoCommand(), new ReplayCommand(), new ProduceCommand(), new BenchCommand(), new BenchReviewCommand(),
                new VerifyAuditCommand(), new EvaluateCommand(), new TrainClassifierCommand())) {
            commandLine.addSubcommand(tool);
        }
        return commandLine;
    }
}
