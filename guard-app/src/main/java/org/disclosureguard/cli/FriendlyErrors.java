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
        String kafka = kafkaProblem(e);
        commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + (kafka != null ? kafka : e)));
        return kafka != null ? USER_ERROR : FAILURE;
    }

    /**
     * What the cluster refused, in one line, for the errors an operator can fix (a replication factor larger than the
     * cluster, a missing ACL, an unknown topic, a cluster that does not answer); null for anything else. The admin
     * client wraps them in an ExecutionException.
     */
    static String kafkaProblem(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof org.apache.kafka.common.errors.InvalidReplicationFactorException) {
            return "the cluster cannot hold that many replicas (" + cause.getMessage() + "): give --replication-factor at most "
                    + "the number of brokers";
        }
        if (cause instanceof org.apache.kafka.common.errors.TopicAuthorizationException
                || cause instanceof org.apache.kafka.common.errors.ClusterAuthorizationException
                || cause instanceof org.apache.kafka.common.errors.GroupAuthorizationException
                || cause instanceof org.apache.kafka.common.errors.TransactionalIdAuthorizationException) {
            return "not authorized: " + cause.getMessage() + " (topics --dry-run prints the ACLs the guard needs)";
        }
        if (cause instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
            return "no such topic: " + cause.getMessage();
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "the Kafka cluster did not answer in time: " + cause.getMessage();
        }
        if (cause instanceof org.apache.kafka.common.errors.InvalidPartitionsException
                || cause instanceof org.apache.kafka.common.errors.InvalidConfigurationException
                || cause instanceof org.apache.kafka.common.errors.PolicyViolationException) {
            return "the cluster refused: " + cause.getMessage();
        }
        return null;
    }

    /** A problem with what the user asked for, said in one line. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }
}
