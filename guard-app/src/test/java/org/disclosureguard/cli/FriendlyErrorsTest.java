package org.disclosureguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** What the cluster refuses becomes one clear line and exit 2 (a problem the operator can fix), not a stack of wrappers. */
class FriendlyErrorsTest {
    @Command(name = "fails")
    static final class Fails implements Callable<Integer> {
        private final Exception failure;

        Fails(Exception failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            throw failure;
        }
    }

    private static String[] run(Exception failure) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new Fails(failure)).setExecutionExceptionHandler(new FriendlyErrors());
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute();
        return new String[] {Integer.toString(exit), err.toString().strip()};
    }

    @Test
    void aReplicationFactorLargerThanTheClusterIsExit2WithOneLine() {
        String[] out = run(new ExecutionException(new InvalidReplicationFactorException("Replication factor: 3 larger than available brokers: 1.")));
        assertEquals("2", out[0], out[1]);
        assertEquals("error: the cluster cannot hold that many replicas (Replication factor: 3 larger than available brokers: 1.): "
                + "give --replication-factor at most the number of brokers", out[1]);
    }

    @Test
    void aMissingAclAndASilentClusterAreExit2Too() {
        String[] denied = run(new ExecutionException(new TopicAuthorizationException("Not authorized to access topics: [in]")));
        assertEquals("2", denied[0]);
        assertTrue(denied[1].startsWith("error: not authorized: Not authorized to access topics: [in]"), denied[1]);
        String[] silent = run(new ExecutionException(new TimeoutException("Timed out waiting for a node assignment.")));
        assertEquals("2", silent[0]);
        assertTrue(silent[1].contains("did not answer in time"), silent[1]);
    }

    @Test
    void anythingElseIsExit1AsBefore() {
        String[] out = run(new IllegalStateException("a bug"));
        assertEquals("1", out[0]);
        assertTrue(out[1].contains("IllegalStateException: a bug"), out[1]);
    }
}
