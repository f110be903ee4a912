package org.disclosureguard.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.disclosureguard.policy.Policy;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbMemoryTest {

    @Test
    void everyStoreSharesOneBoundedCacheWithItsMemtablesChargedToIt() {
        RocksDB.loadLibrary();
        try (Options first = new Options(); Options second = new Options()) {
            first.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
            setter.setConfig("review-store", first, Map.of(GuardConfig.ROCKSDB_MEMORY_BYTES, "33554432"));
            setter.setConfig("metrics-store", second, Map.of());
            for (Options options : new Options[] {first, second}) {
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertTrue(table.cacheIndexAndFilterBlocks(), "indexes and filters are charged to the cache");
                assertEquals(8L * 1024 * 1024, options.writeBufferSize());
                assertEquals(2, options.maxWriteBufferNumber());
            }
        }
    }

    @Test
    void theBoundIsTheGuardsSettingAndOnByDefault() {
        assertEquals(GuardConfig.DEFAULT_ROCKSDB_MEMORY_BYTES, BoundedRocksDbMemory.bound(Map.of()));
        assertEquals(100L, BoundedRocksDbMemory.bound(Map.of(GuardConfig.ROCKSDB_MEMORY_BYTES, " 100 ")));
        Properties props = GuardConfig.streamsProperties("app", "localhost:9092", Topics.defaults(), Policy.bundled(), Map.of());
        assertEquals(BoundedRocksDbMemory.class.getName(), props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG));
        Properties own = GuardConfig.streamsProperties("app", "localhost:9092", Topics.defaults(), Policy.bundled(),
                Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.Mine"));
        assertEquals("com.example.Mine", own.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG), "a setter of one's own wins");
    }
}
