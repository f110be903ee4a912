package org.disclosureguard.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/** Single-object bytes of a generated record, e.g. {@code AvroBytes.of(event::toByteBuffer)}. */
public final class AvroBytes {
    /** A generated class's {@code toByteBuffer} method. */
    @FunctionalInterface
    public interface Encoding {
        ByteBuffer encode() throws IOException;
    }

    private AvroBytes() {}

    public static byte[] of(Encoding encoding) {
        ByteBuffer buffer;
        try {
            buffer = encoding.encode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
