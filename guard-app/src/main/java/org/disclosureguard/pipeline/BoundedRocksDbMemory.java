package org.disclosureguard.pipeline;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every RocksDB store of the app together (Kafka Streams' "bounded memory" recipe):
 * one block cache shared by all stores, with the memtables charged to it through a write buffer manager, and index
 * and filter blocks kept in the cache instead of beside it. Without this each store grows its own memtables, index
 * and filter blocks, and resident memory crept up by about 8 MB a minute in a soak while the heap stayed flat.
 * The bound is {@code guard.rocksdb.memory.bytes}, for all stores of the instance.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Share of the bound the memtables may take; the rest caches blocks, indexes and filters. */
    private static final double MEMTABLE_SHARE = 0.5;
    /** Share of the cache reserved for index and filter blocks (high priority). */
    private static final double INDEX_FILTER_SHARE = 0.1;
    private static final long MEMTABLE_BYTES = 8L * 1024 * 1024;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        ensureShared(bound(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(cache);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(writeBuffers);
        options.setWriteBufferSize(MEMTABLE_BYTES);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store of the instance: they live as long as it.
    }

    static long bound(Map<String, Object> configs) {
        Object value = configs.get(GuardConfig.ROCKSDB_MEMORY_BYTES);
        return value == null ? GuardConfig.DEFAULT_ROCKSDB_MEMORY_BYTES : Long.parseLong(String.valueOf(value).strip());
    }

    private static synchronized void ensureShared(long bound) {
        if (cache == null) {
            cache = new LRUCache(bound, -1, false, INDEX_FILTER_SHARE);
            writeBuffers = new WriteBufferManager((long) (bound * MEMTABLE_SHARE), cache);
        }
    }
}
