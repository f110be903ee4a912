package org.disclosureguard.cli;

import org.disclosureguard.app.GuardStart;
import org.disclosureguard.policy.PolicyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import org.disclosureguard.review.auth.UserStoreException;

/**
 * Expected failures (a bad policy, a missing file) are one clear message and exit code 2, not a stack trace;
 * anything else is logged with its stack trace at debug level and reported in one line, exit code 1.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FriendlyErrors.class);
    static final int USER_ERROR = 2;
    static final int FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof PolicyException || e instanceof UserError || e instanceof GuardStart.StartProblem || e instanceof UserStoreException
                || e instanceof org.apache.kafka.common.config.ConfigException || e instanceof java.nio.file.NoSuchFileException) {
            String message = e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + message));
            return USER_ERROR;
        }
        LOG.debug("command failed", e);
        commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + e));
        return FAILURE;
    }

    /** A problem with what the user asked for, said in one line. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }
}
