package org.disclosureguard.evaluate;

/** A corpus file line that is not a labeled record; the message names the file and line. */
public final class InvalidCorpusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidCorpusException(String message) {
        super(message);
    }
}
