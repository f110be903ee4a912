package org.disclosureguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: one subcommand per user task. */
@Command(name = "disclosure-guard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Screens case records between a care provider and an enforcement agency so that "
                + "therapy-derived content never crosses.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, ProduceCommand.class, TopicsCommand.class,
                ConfigCommand.class, LintCommand.class, PublishPolicyCommand.class, HealthCommand.class, SealKeyCommand.class, UserAddCommand.class, ReviewCommand.class, BenchCommand.class, VerifyAuditCommand.class, EvaluateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        return commandLine;
    }
}
