package org.disclosureguard.language;

import java.util.Arrays;
import java.util.Map;

/**
 * An immutable open-addressing table from words to int values, looked up by a char buffer and its hash (the
 * String hash, computed as the word is read), so that the language gate reads a text without making a String of
 * every word.
 */
final class WordTable {
    static final int ABSENT = 0;

    private final char[][] keys;
    private final int[] values;
    private final int mask;

    WordTable(Map<String, Integer> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
        keys = new char[capacity][];
        values = new int[capacity];
        mask = capacity - 1;
        entries.forEach((word, value) -> {
            int slot = word.hashCode() & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = word.toCharArray();
            values[slot] = value;
        });
    }

    /** The value of the word {@code buffer[0, length)} whose String hash is {@code hash}, or {@link #ABSENT}. */
    int get(char[] buffer, int length, int hash) {
        int slot = hash & mask;
        while (keys[slot] != null) {
            char[] key = keys[slot];
            if (key.length == length && Arrays.equals(key, 0, length, buffer, 0, length)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return ABSENT;
    }
}
