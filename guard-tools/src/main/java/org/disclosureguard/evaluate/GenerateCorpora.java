package org.disclosureguard.evaluate;

import java.io.IOException;
import java.nio.file.Path;

/** Regenerates the committed evaluation corpora: {@code GenerateCorpora [DIR]} (default: corpora). */
public final class GenerateCorpora {
    private GenerateCorpora() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "corpora");
        for (Path file : new CorpusGenerator().writeTo(dir)) {
            System.out.println("wrote " + file);
        }
    }
}
