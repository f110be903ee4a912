package org.disclosureguard.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.disclosureguard.app.RunSettings;
import org.disclosureguard.pipeline.GuardConfig;
import org.junit.jupiter.api.Test;

/** The README's promises that can drift from the code. */
class DocumentationTest {
    private static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void configurationReferenceInTheReadmeIsTheGeneratedOne() throws Exception {
        assertTrue(readme().contains(RunSettings.referenceMarkdown().trim()),
                "README's configuration reference is stale: paste the output of `disclosure-guard config`");
    }

    @Test
    void readmeShowsTheTwoCommandsThatCiAndUsersRun() throws Exception {
        String readme = readme();
        assertTrue(readme.contains("mvn -q package -DskipTests && java -jar target/disclosure-guard.jar demo"));
        assertTrue(readme.contains("mvn -B verify"));
        assertTrue(Files.readString(Path.of(".ci/run")).contains("mvn -B verify"), ".ci/run must run the README's test command");
    }

    @Test
    void everyCommandIsInTheReadme() throws Exception {
        String readme = readme();
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            if (!command.equals("help")) {
                assertTrue(readme.contains("`" + command), "README does not document the command " + command);
            }
        }
    }
}
