package org.disclosureguard.contract;

import java.util.List;
import java.util.function.IntConsumer;
import org.apache.avro.Schema;

/**
 * Walks an Avro binary body against its writer schema without allocating anything, and says what in it cannot be:
 * a length or an item count larger than the bytes left could hold, a union or enum index out of range, nesting
 * deeper than {@link #MAX_DEPTH}, a body that ends too early or bytes left after the record.
 *
 * <p>Why a walk of its own: Avro's reader allocates what a length prefix claims before it reads the bytes (a string
 * claiming 2 GB in an 18-byte record is a 2 GB array, an array claiming 2e9 items a list of that capacity), and
 * Kafka Streams' exception handlers never see the {@code OutOfMemoryError}: the stream thread is replaced and reads
 * the same record again, forever. Every limit here comes from the record's own size, so a body that passes holds no
 * allocation larger than itself. Stateless and thread-safe.
 */
public final class BodyBounds {

    /** Records, arrays, maps and unions nested deeper than this are refused (the contract nests four deep). */
    public static final int MAX_DEPTH = 32;

    private BodyBounds() {
    }

    /** Why the body cannot be what its schema says, or null when every length and count fits its bytes. */
    public static String problem(Schema writer, byte[] bytes, int offset, int length) {
        return problem(writer, bytes, offset, length, position -> { });
    }

    /**
     * As {@link #problem(Schema, byte[], int, int)}, also telling {@code lengthPositions} the offset of every length
     * or count prefix read (tests put bombs there).
     */
    static String problem(Schema writer, byte[] bytes, int offset, int length, IntConsumer lengthPositions) {
        Walk walk = new Walk(bytes, offset, offset + length, lengthPositions);
        try {
            walk.value(writer, 0);
        } catch (Refused refused) {
            return refused.getMessage();
        }
        if (walk.position != walk.end) {
            return (walk.end - walk.position) + " trailing bytes after the record (at byte " + (walk.position - offset) + ")";
        }
        return null;
    }

    /** A body that cannot be what its schema says; a message for the audit reason (offsets and sizes, no content). */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Walk {
        private final byte[] bytes;
        private final int start;
        private final int end;
        private final IntConsumer lengthPositions;
        private int position;

        Walk(byte[] bytes, int start, int end, IntConsumer lengthPositions) {
            this.bytes = bytes;
            this.start = start;
            this.end = end;
            this.lengthPositions = lengthPositions;
            this.position = start;
        }

        void value(Schema schema, int depth) throws Refused {
            switch (schema.getType()) {
                case NULL -> { }
                case BOOLEAN -> skip(1, "boolean");
                case INT, LONG -> varLong();
                case FLOAT -> skip(4, "float");
                case DOUBLE -> skip(8, "double");
                case FIXED -> skip(schema.getFixedSize(), "fixed " + schema.getName());
                case STRING, BYTES -> {
                    int at = position;
                    lengthPositions.accept(at);
                    long size = varLong();
                    if (size < 0 || size > end - position) {
                        throw new Refused(schema.getType().getName() + " at byte " + (at - start) + " claims " + size
                                + " bytes; " + (end - position) + " remain");
                    }
                    position += (int) size;
                }
                case ENUM -> index(schema.getEnumSymbols().size(), "enum " + schema.getName());
                case UNION -> {
                    List<Schema> branches = schema.getTypes();
                    nested(depth);
                    value(branches.get(index(branches.size(), "union")), depth + 1);
                }
                case RECORD -> {
                    nested(depth);
                    for (Schema.Field field : schema.getFields()) {
                        value(field.schema(), depth + 1);
                    }
                }
                case ARRAY -> {
                    nested(depth);
                    blocks(schema.getElementType(), null, depth);
                }
                case MAP -> {
                    nested(depth);
                    blocks(schema.getValueType(), Schema.create(Schema.Type.STRING), depth);
                }
            }
        }

        /** Array or map blocks: a count (negative: followed by the block's byte size), items, until a count of 0. */
        private void blocks(Schema items, Schema keys, int depth) throws Refused {
            while (true) {
                int at = position;
                lengthPositions.accept(at);
                long count = varLong();
                if (count == 0) {
                    return;
                }
                if (count < 0) {
                    count = -count;
                    long blockBytes = varLong();
                    if (blockBytes < 0 || blockBytes > end - position) {
                        throw new Refused("block at byte " + (at - start) + " claims " + blockBytes + " bytes; "
                                + (end - position) + " remain");
                    }
                }
                // Every count is bounded by the bytes left, even for items of zero bytes (null, an empty record):
                // the reader sizes its list by the count before it reads an item.
                if (count < 0 || count > end - position) {
                    throw new Refused((keys == null ? "array" : "map") + " at byte " + (at - start) + " claims " + count
                            + " items; " + (end - position) + " bytes remain");
                }
                for (long i = 0; i < count; i++) {
                    if (keys != null) {
                        value(keys, depth + 1);
                    }
                    value(items, depth + 1);
                }
            }
        }

        private int index(int size, String what) throws Refused {
            int at = position;
            long index = varLong();
            if (index < 0 || index >= size) {
                throw new Refused(what + " index " + index + " at byte " + (at - start) + " is not one of its " + size);
            }
            return (int) index;
        }

        private void nested(int depth) throws Refused {
            if (depth >= MAX_DEPTH) {
                throw new Refused("nested deeper than " + MAX_DEPTH);
            }
        }

        private void skip(int size, String what) throws Refused {
            if (size > end - position) {
                throw new Refused(what + " at byte " + (position - start) + " needs " + size + " bytes; "
                        + (end - position) + " remain");
            }
            position += size;
        }

        /** A zig-zag varint of at most 10 bytes, as Avro writes ints and longs. */
        private long varLong() throws Refused {
            long raw = 0;
            for (int shift = 0; shift < 70; shift += 7) {
                if (position >= end) {
                    throw new Refused("the body ends inside a number at byte " + (position - start));
                }
                int b = bytes[position++] & 0xff;
                raw |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw new Refused("a number longer than 10 bytes at byte " + (position - start));
        }
    }
}
