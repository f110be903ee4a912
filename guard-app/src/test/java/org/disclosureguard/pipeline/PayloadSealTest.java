package org.disclosureguard.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.disclosureguard.contract.CaseRecordEvent;
import org.disclosureguard.contract.review.QuarantinedRecord;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;

/** Sealed review payloads: readable with the key (old keys too), useless without it, bound to their record. */
class PayloadSealTest {
    private static final String CANARY = "CANARY-she told her counselor about the crossing";

    @Test
    void sealsAndOpensBoundToTheRecord() throws Exception {
        String key = PayloadSeal.newKey("k1");
        PayloadSeal seal = PayloadSeal.of(key, null, "current", "previous");
        byte[] plain = CANARY.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = seal.seal(plain, "in-0-7");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("counselor"));
        assertArrayEquals(plain, seal.open(sealed, "k1", "in-0-7"));
        assertFalse(java.util.Arrays.equals(sealed, seal.seal(plain, "in-0-7")), "a fresh nonce every time");

        assertThrows(GeneralSecurityException.class, () -> seal.open(sealed, "k1", "in-0-8"), "moved to another record");
        byte[] tampered = sealed.clone();
        tampered[20] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> seal.open(tampered, "k1", "in-0-7"), "altered");
        assertThrows(GeneralSecurityException.class, () -> seal.open(sealed, "k9", "in-0-7"), "unknown key id");
    }

    @Test
    void afterARotationOldPayloadsStayReadable() throws Exception {
        String oldKey = PayloadSeal.newKey("k1");
        byte[] sealedBefore = PayloadSeal.of(oldKey, null, "c", "p").seal(new byte[] {1, 2, 3}, "q");
        PayloadSeal rotated = PayloadSeal.of(PayloadSeal.newKey("k2"), oldKey, "c", "p");
        assertEquals("k2", rotated.keyId());
        assertArrayEquals(new byte[] {1, 2, 3}, rotated.open(sealedBefore, "k1", "q"));
        assertFalse(rotated.toString().contains(oldKey.substring(3)), "no key material in toString");
    }

    @Test
    void malformedKeysAreConfigErrors() {
        assertThrows(ConfigException.class, () -> PayloadSeal.of("no-colon", null, "c", "p"));
        assertThrows(ConfigException.class, () -> PayloadSeal.of("k1:not base64!", null, "c", "p"));
        assertThrows(ConfigException.class, () -> PayloadSeal.of("k1:" + java.util.Base64.getEncoder().encodeToString(new byte[16]), null, "c", "p"),
                "AES-128 is refused: 256 bits");
        ConfigException e = assertThrows(ConfigException.class, () -> PayloadSeal.of(PayloadSeal.newKey("k1"), "k0:xyz", "c", "previous-setting"));
        assertTrue(e.getMessage().contains("previous-setting") && !e.getMessage().contains("xyz"), e.getMessage());
    }

    @Test
    void theReviewTopicCarriesOnlySealedPayloadsAndMetadata() throws Exception {
        String key = PayloadSeal.newKey("k7");
        ActivePolicy active = new ActivePolicy(Policy.bundled());
        try (GuardDriver guard = new GuardDriver(active, Clock.systemUTC(), GuardConfig.DEFAULT_MAX_RECORD_BYTES,
                Map.of(GuardConfig.REVIEW_SEAL_KEY, key))) {
            CaseRecordEvent event = TestEvents.benign().setCaseId("case-sealed")
                    .setCaseNotes("In session the therapist noted: " + CANARY).build();
            RecordHeaders headers = new RecordHeaders();
            headers.add("provider-trace", "trace-with-CANARY".getBytes(StandardCharsets.UTF_8));
            guard.send(event, headers);

            TestRecord<byte[], byte[]> review = guard.reviewRecords().get(0);
            String raw = new String(review.value(), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("CANARY") || raw.contains("therapist noted"), "no payload text in the review record");
            assertEquals("k7", new String(review.headers().lastHeader(GuardHeaders.SEAL_KEY_ID).value(), StandardCharsets.UTF_8));
            assertEquals(PayloadSeal.ALGORITHM, new String(review.headers().lastHeader(GuardHeaders.SEAL_ALGORITHM).value(), StandardCharsets.UTF_8));
            assertEquals(null, review.headers().lastHeader("provider-trace"), "unclassified input headers stay behind");

            QuarantinedRecord quarantined = GuardDriver.decodeReview(review.value());
            assertNotNull(quarantined.getReasons().get(0).getRuleId(), "the reasons stay readable: they are metadata");
            byte[] opened = PayloadSeal.of(key, null, "c", "p").open(bytes(quarantined.getOriginalValue()), "k7",
                    quarantined.getQuarantineId());
            assertArrayEquals(GuardDriver.encode(event), opened, "the reviewer with the key gets the original bytes");
            assertEquals("case-sealed", new String(PayloadSeal.of(key, null, "c", "p").open(bytes(quarantined.getOriginalKey()), "k7",
                    quarantined.getQuarantineId()), StandardCharsets.UTF_8));
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
