package org.disclosureguard.cli;

import java.util.concurrent.Callable;
import org.disclosureguard.pipeline.PayloadSeal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Makes a key for sealing review payloads. */
@Command(name = "seal-key", mixinStandardHelpOptions = true,
        description = {"Prints a new random 256-bit key for sealing review payloads, as KEY_ID:BASE64_KEY: the value of "
                + "guard.review.seal.key (give it through DG_GUARD_REVIEW_SEAL_KEY). To rotate, make a new key with a new id "
                + "and move the old one to guard.review.seal.previous.keys."})
final class SealKeyCommand implements Callable<Integer> {
    @Option(names = "--id", defaultValue = "k1", description = "Key id, written in each sealed record's header (default: ${DEFAULT-VALUE}).")
    String id;

    @Override
    public Integer call() {
        if (id.isBlank() || id.contains(":") || id.contains(",")) {
            throw new FriendlyErrors.UserError("a key id must be non-empty, without ':' or ','");
        }
        System.out.println(PayloadSeal.newKey(id));
        return 0;
    }
}
