package org.disclosureguard.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.disclosureguard.contract.AvroBytes;
import org.disclosureguard.contract.SchemaCatalog;
import org.disclosureguard.contract.UndecodableRecordException;
import org.disclosureguard.pipeline.GuardConfig;
import org.disclosureguard.pipeline.TestEvents;
import org.junit.jupiter.api.Test;

/** What needs no running registry: framing errors, and a registry that refuses connections. */
class RegistryClientTest {
    private static RegistryWireFormat unreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put(RegistrySettings.URL, "http://127.0.0.1:" + port + "/apis/ccompat/v7/");
        settings.put(RegistrySettings.MAX_WAIT_MS, 300);
        RegistrySettings parsed = RegistrySettings.parse(settings);
        assertEquals("http://127.0.0.1:" + port + "/apis/ccompat/v7", parsed.url(), "trailing slashes are dropped");
        return new RegistryWireFormat(new RegistryClient(parsed), SchemaCatalog.bundled());
    }

    @Test
    void aRefusedConnectionIsUnavailableAndRetriedUntilTheMaxWait() throws Exception {
        RegistryWireFormat registry = unreachable();
        long start = System.nanoTime();
        assertThrows(RegistryException.Unavailable.class, () -> registry.writerSchema(7));
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMs >= 250, "retried for the max wait, not given up at once: " + waitedMs + " ms");

        RegistryCodec codec = registry.codec(SchemaCatalog.CASE_RECORD_EVENT, null);
        byte[] framed = ByteBuffer.allocate(8).put((byte) 0).putInt(7).put(new byte[] {1, 2, 3}).array();
        UndecodableRecordException e = assertThrows(UndecodableRecordException.class, () -> codec.decode(framed));
        assertEquals(UndecodableRecordException.Cause.REGISTRY_UNAVAILABLE, e.reason());
    }

    @Test
    void bytesThatAreNotRegistryFramedAreRejectedWithoutAskingTheRegistry() throws Exception {
        RegistryCodec codec = unreachable().codec(SchemaCatalog.CASE_RECORD_EVENT, null);
        byte[] singleObject = AvroBytes.of(TestEvents.benign().build()::toByteBuffer);
        assertEquals(UndecodableRecordException.Cause.NOT_REGISTRY_FRAMED,
                assertThrows(UndecodableRecordException.class, () -> codec.decode(singleObject)).reason());
        assertEquals(UndecodableRecordException.Cause.NOT_REGISTRY_FRAMED,
                assertThrows(UndecodableRecordException.class, () -> codec.decode(new byte[] {0, 0, 1})).reason());
        assertEquals(UndecodableRecordException.Cause.EMPTY,
                assertThrows(UndecodableRecordException.class, () -> codec.decode(new byte[0])).reason());
        assertThrows(IllegalStateException.class, () -> codec.encode(TestEvents.benign().build()),
                "no id was prepared for writing: it must not invent one");
    }
}
