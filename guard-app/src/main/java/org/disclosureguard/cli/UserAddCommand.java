package org.disclosureguard.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import org.disclosureguard.review.auth.Role;
import org.disclosureguard.review.auth.UserStore;
import org.disclosureguard.review.auth.UserStoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Adds a compliance reviewer (or changes one's role and password) in the review users file. */
@Command(name = "user-add", mixinStandardHelpOptions = true,
        description = {"Adds a user of the compliance review to the users file, or sets the role and password of an existing one. "
                + "The file is created if it is missing and made readable by its owner only (600). The password comes from "
                + "the environment variable " + UserAddCommand.PASSWORD_VARIABLE + " if it is set, else it is asked for twice "
                + "on the terminal, without echo. The app reads the file when it starts."})
final class UserAddCommand implements Callable<Integer> {
    static final String PASSWORD_VARIABLE = "DG_REVIEW_NEW_PASSWORD";
    static final int MIN_PASSWORD_LENGTH = 8;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The users file (YAML).")
    Path file;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "The user's name: 1 to 64 letters, digits, '.', '_', '@' or '-'.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "reviewer (sees held payloads and decides), auditor (decision history and counts, no payloads; metrics), "
                    + "admin (all of these) or metrics (the metrics and dashboards only, when guard.http.metrics.auth asks for credentials).")
    String role;

    /** The environment, replaceable in tests. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws IOException {
        Role parsed = Role.parse(role).orElseThrow(() -> new FriendlyErrors.UserError(
                "unknown role '" + role + "': expected " + Role.choices()));
        char[] password = password();
        try {
            if (password.length < MIN_PASSWORD_LENGTH) {
                throw new FriendlyErrors.UserError("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
            }
            UserStore.addOrReplace(file, name, parsed, password);
        } catch (IllegalArgumentException | UserStoreException e) {
            throw new FriendlyErrors.UserError(e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        System.out.println("saved " + name + " (" + parsed.configName() + ") in " + file);
        return 0;
    }

    private char[] password() {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null) {
            if (fromEnvironment.isEmpty()) {
                throw new FriendlyErrors.UserError(PASSWORD_VARIABLE + " is set but empty");
            }
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new FriendlyErrors.UserError("no terminal to ask for the password: set " + PASSWORD_VARIABLE);
        }
        char[] first = console.readPassword("password for %s: ", name);
        char[] second = first == null ? null : console.readPassword("again: ");
        try {
            if (first == null || second == null) {
                throw new FriendlyErrors.UserError("no password given");
            }
            if (!Arrays.equals(first, second)) {
                throw new FriendlyErrors.UserError("the two passwords differ");
            }
            return first.clone();
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }
}
