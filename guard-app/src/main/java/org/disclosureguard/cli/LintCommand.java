package org.disclosureguard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.HashMap;
import java.util.Map;
import org.disclosureguard.app.RunSettings;
import org.disclosureguard.lint.LintReport;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.Topics;
import org.disclosureguard.registry.RegistryClient;
import org.disclosureguard.registry.RegistrySettings;
import org.disclosureguard.lint.PolicyLint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Checks a policy and the contract schemas for CI pipelines, and flags widening policy changes. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Checks a screening policy against the contract schemas, as the app does when it loads one, plus the "
                + "contract's evolution (every released input version classified, each version backward compatible). "
                + "With --against OLD_POLICY, lists every change that may let more cross to enforcement.",
                "Exit status: 0 clean, 1 errors, 3 widening changes that need sign-off (0 with --allow-widening), 2 bad usage."})
final class LintCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy YAML to check (default: the bundled policy).")
    Path policy;

    @Option(names = "--schemas", paramLabel = "DIR", description = "Folder with catalog.yaml and the .avsc files it lists (default: the bundled contract).")
    Path schemas;

    @Mixin
    WideningOptions widening;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Also check the contract against this Confluent-compatible registry: the current version of each "
                    + "topic's contract registered under the topic's subject, and compatible with the latest version there.")
    String registryUrl;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings for the registry check: topic names (guard.topic.*), schema.registry.* (auth, TLS), the subject "
                    + "name strategy. DG_* environment variables apply.")
    Path config;

    @Option(names = "--format", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws java.io.IOException {
        for (Path file : new Path[] {policy, widening.against}) {
            if (file != null && !java.nio.file.Files.isRegularFile(file)) {
                throw new FriendlyErrors.UserError("no such policy file: " + file);
            }
        }
        if (schemas != null && !java.nio.file.Files.isRegularFile(schemas.resolve("catalog.yaml"))) {
            throw new FriendlyErrors.UserError("no catalog.yaml in " + schemas + " (--schemas names the folder that holds it)");
        }
        RegistryClient registry = null;
        Topics topics = null;
        if (registryUrl != null || config != null) {
            Map<String, Object> settings = new HashMap<>(RunSettings.load(config, System.getenv()));
            if (registryUrl != null) {
                settings.put(RegistrySettings.URL, registryUrl);
            }
            RegistrySettings registrySettings = RegistrySettings.parse(settings);
            if (registrySettings != null) {
                registry = new RegistryClient(registrySettings);
                topics = GuardConfig.fromStreamsConfig(settings).topics();
            }
        }
        LintReport report = PolicyLint.run(policy, schemas, widening.against, registry, topics);
        spec.commandLine().getOut().print(format == Format.json ? report.toJson() + "\n" : report.toText());
        spec.commandLine().getOut().flush();
        return report.exitCode(widening.allowWidening);
    }
}
