package org.disclosureguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The production command line (guard-app alone): running the guard and what operators and reviewers do around it.
 * The tools (demo, replay, evaluate, bench, ...) add their commands to it in guard-tools' {@code Main}.
 */
@Command(name = "disclosure-guard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Screens case records between a care provider and an enforcement agency so that "
                + "therapy-derived content never crosses.",
        subcommands = {RunCommand.class, TopicsCommand.class, ConfigCommand.class, LintCommand.class,
                PublishPolicyCommand.class, HealthCommand.class, SealKeyCommand.class, UserAddCommand.class,
                SchemasCommand.class, ReviewCommand.class, CommandLine.HelpCommand.class})
public final class GuardMain {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new GuardMain());
        commandLine.setExecutionExceptionHandler(new FriendlyErrors());
        return commandLine;
    }
}
