package org.disclosureguard.cli;

import java.util.concurrent.Callable;
import org.disclosureguard.endtoend.ReviewQueueBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The review console's list page with a full queue. See BENCHMARKS.md. */
@Command(name = "bench-review", mixinStandardHelpOptions = true,
        description = {"Review queue benchmark: starts a guard on an embedded broker, has it hold --records records, signs "
                + "in to the review console and times its list page (first page in two orders, a page deep in the queue, "
                + "a search), --requests times each. Prints a Markdown report: medians, the slowest, page sizes and rows."})
final class BenchReviewCommand implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "10000", description = "Held records in the queue (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--requests", defaultValue = "20", description = "Requests of each page (default: ${DEFAULT-VALUE}).")
    int requests;

    @Override
    public Integer call() throws Exception {
        if (records < 1 || requests < 1) {
            throw new IllegalArgumentException("--records and --requests are at least 1");
        }
        new ReviewQueueBenchmark(new ReviewQueueBenchmark.Options(records, requests), System.out).run();
        return 0;
    }
}
