package org.disclosureguard.cli;

import java.util.concurrent.Callable;
import org.disclosureguard.app.RunSettings;
import org.disclosureguard.pipeline.GuardConfig;
import picocli.CommandLine.Command;

/** Prints the configuration reference (the same table as in the README, generated from the declarations). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Prints the guard's own settings (guard.*) with their environment variables, defaults and docs. "
                + "Every Kafka client and Streams property is accepted too and passed through untouched.")
final class ConfigCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.out.print(RunSettings.referenceMarkdown());
        return 0;
    }
}
