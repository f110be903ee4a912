package org.disclosureguard.contract;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Hostile variants of a valid single-object CaseRecordEvent: a huge claim at each of its length and count prefixes. */
public final class LengthBombs {
    private static final Schema WRITER = SchemaCatalog.bundled().current(SchemaCatalog.CASE_RECORD_EVENT);

    private LengthBombs() {
    }

    /** The offsets of every length or count prefix (strings, bytes, array and map blocks) in a valid record. */
    public static List<Integer> lengthPositions(byte[] valid) {
        List<Integer> positions = new ArrayList<>();
        String problem = BodyBounds.problem(WRITER, valid, SingleObjectCodec.HEADER, valid.length - SingleObjectCodec.HEADER,
                positions::add);
        if (problem != null) {
            throw new IllegalArgumentException("not a valid record: " + problem);
        }
        return positions;
    }

    /** One bomb per length or count prefix of {@code valid}, each claiming {@code claim}. */
    public static List<byte[]> atEveryLength(byte[] valid, long claim) {
        List<byte[]> bombs = new ArrayList<>();
        for (int position : lengthPositions(valid)) {
            bombs.add(replaceVarLong(valid, position, claim));
        }
        return bombs;
    }

    /** The bytes with the zig-zag varint at {@code position} replaced by {@code value}'s. */
    public static byte[] replaceVarLong(byte[] bytes, int position, long value) {
        int end = position;
        while ((bytes[end] & 0x80) != 0) {
            end++;
        }
        end++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, position);
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        out.write(bytes, end, bytes.length - end);
        return out.toByteArray();
    }
}
