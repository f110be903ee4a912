package org.disclosureguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.avro.Schema;
import org.disclosureguard.pipeline.GuardDriver;
import org.disclosureguard.pipeline.TestEvents;

/**
 * Length and count bombs at every position of the contract: each length or item-count prefix of a valid record is
 * replaced by a claim far beyond the record (2e9 bytes or items, and the largest long), and the record must be
 * refused as malformed without Avro allocating what it claims. Surefire runs this class in a JVM of its own with
 * {@code -Xmx128m} (pom.xml, execution {@code small-heap}): a single 2 GB string or a list of 2e9 items would not
 * fit, so an allocation that slipped past the bounds fails the run with an {@code OutOfMemoryError}.
 */
class LengthBombSmallHeapProperties {
    private static final Schema WRITER = SchemaCatalog.bundled().current(SchemaCatalog.CASE_RECORD_EVENT);
    private static final long[] CLAIMS = {2_000_000_000L, Integer.MAX_VALUE, Long.MAX_VALUE / 2, -2_000_000_000L};

    private final SingleObjectCodec codec = new SingleObjectCodec(SchemaCatalog.bundled(), SchemaCatalog.CASE_RECORD_EVENT);

    @Example
    void theHeapIsReallySmall() {
        assertTrue(Runtime.getRuntime().maxMemory() < 512L * 1024 * 1024,
                "run in the small-heap surefire execution: max heap " + Runtime.getRuntime().maxMemory());
    }

    @Property(tries = 60)
    void aBombAtAnyLengthOrCountIsMalformedAndAllocatesNothing(@ForAll("records") byte[] valid,
                                                               @ForAll @IntRange(min = 0, max = 3) int claim) throws Exception {
        assertNull(BodyBounds.problem(WRITER, valid, SingleObjectCodec.HEADER, valid.length - SingleObjectCodec.HEADER));
        assertNotNull(codec.decode(valid));
        List<Integer> positions = LengthBombs.lengthPositions(valid);
        assertTrue(positions.size() >= 10, "a record has many lengths and counts: " + positions.size());
        for (int position : positions) {
            byte[] bomb = LengthBombs.replaceVarLong(valid, position, CLAIMS[claim]);
            UndecodableRecordException refused = assertThrows(UndecodableRecordException.class, () -> codec.decode(bomb),
                    "bomb at byte " + position);
            assertEquals(UndecodableRecordException.Cause.MALFORMED, refused.reason(), refused.getMessage());
        }
    }

    @Property(tries = 40)
    void bytesAfterACompleteRecordAreMalformed(@ForAll("records") byte[] valid,
                                               @ForAll @Size(min = 1, max = 32) List<Byte> trailing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(valid);
        trailing.forEach(b -> out.write(b));
        UndecodableRecordException refused = assertThrows(UndecodableRecordException.class, () -> codec.decode(out.toByteArray()));
        assertEquals(UndecodableRecordException.Cause.MALFORMED, refused.reason());
        assertTrue(refused.getMessage().contains(trailing.size() + " trailing bytes"), refused.getMessage());
    }

    @Property(tries = 300)
    void randomBodiesBehindAValidHeaderAreRefusedOrDecodedNeverCrash(@ForAll("records") byte[] valid,
                                                                     @ForAll @Size(max = 400) List<Byte> body) {
        byte[] bytes = new byte[SingleObjectCodec.HEADER + body.size()];
        System.arraycopy(valid, 0, bytes, 0, SingleObjectCodec.HEADER);
        for (int i = 0; i < body.size(); i++) {
            bytes[SingleObjectCodec.HEADER + i] = body.get(i);
        }
        try {
            codec.decode(bytes);
        } catch (UndecodableRecordException expected) {
            // refused: the only way to fail
        }
    }

    @Provide
    Arbitrary<byte[]> records() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(40);
        return net.jqwik.api.Combinators.combine(text, text.list().ofMaxSize(4), text.list().ofMaxSize(3), text)
                .as((notes, disclosures, history, attribute) -> {
                    Map<String, String> attributes = new HashMap<>();
                    attributes.put("k-" + attribute, attribute);
                    var counseling = TestEvents.counseling(notes);
                    counseling.setDisclosures(new ArrayList<>(disclosures));
                    counseling.setTraumaHistory(new ArrayList<>(history));
                    return GuardDriver.encode(TestEvents.benign().setCaseNotes(notes).setCounseling(counseling)
                            .setAttributes(new HashMap<>(attributes)).build());
                });
    }
}
