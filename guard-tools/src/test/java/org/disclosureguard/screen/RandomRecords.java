package org.disclosureguard.screen;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.disclosureguard.policy.FieldPlan;

/**
 * Schema-valid records with extreme values: empty and huge strings, long arrays, big maps, every enum symbol,
 * extreme numbers, and null wherever the schema allows it. Every string in a field whose classification may
 * never be forwarded gets a unique canary, so a test can look for it in the output bytes.
 */
final class RandomRecords {
    static final Set<String> NEVER_FORWARDED = Set.of("therapy", "provenance", "extension");

    private final Random random;
    private final List<String> canaries = new ArrayList<>();
    private int canaryCount;

    RandomRecords(long seed) {
        this.random = new Random(seed);
    }

    /** The canaries planted by the last {@link #next} call. */
    List<String> canaries() {
        return canaries;
    }

    GenericData.Record next(Schema schema) {
        canaries.clear();
        return record(schema, false);
    }

    private GenericData.Record record(Schema schema, boolean secret) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            boolean fieldSecret = secret || NEVER_FORWARDED.contains(field.getProp(FieldPlan.CLASSIFICATION_PROPERTY));
            record.put(field.pos(), value(field.schema(), fieldSecret));
        }
        return record;
    }

    private Object value(Schema schema, boolean secret) {
        switch (schema.getType()) {
            case UNION: {
                List<Schema> branches = schema.getTypes();
                boolean nullable = branches.stream().anyMatch(b -> b.getType() == Schema.Type.NULL);
                if (nullable && random.nextInt(3) == 0) {
                    return null;
                }
                Schema branch = FieldPlan.nonNull(schema);
                return value(branch, secret);
            }
            case RECORD:
                return record(schema, secret);
            case ENUM:
                return new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(random.nextInt(schema.getEnumSymbols().size())));
            case STRING:
                return string(secret);
            case INT:
                return pick(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, random.nextInt());
            case LONG:
                return pick(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, random.nextLong());
            case BOOLEAN:
                return random.nextBoolean();
            case DOUBLE:
                return pick(Double.NaN, Double.MAX_VALUE, -0.0, random.nextDouble());
            case BYTES:
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                return ByteBuffer.wrap(bytes);
            case ARRAY: {
                int size = random.nextInt(4) == 0 ? random.nextInt(500) : random.nextInt(4);
                List<Object> items = new GenericData.Array<>(size, schema);
                for (int i = 0; i < size; i++) {
                    items.add(value(schema.getElementType(), secret));
                }
                return items;
            }
            case MAP: {
                int size = random.nextInt(4) == 0 ? random.nextInt(1000) : random.nextInt(4);
                Map<String, Object> map = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put("k" + i + string(false), value(schema.getValueType(), secret));
                }
                return map;
            }
            default:
                throw new IllegalArgumentException("no generator for " + schema.getType());
        }
    }

    private String string(boolean secret) {
        if (secret) {
            String canary = "CANARY" + (canaryCount++) + "X" + Integer.toHexString(random.nextInt());
            canaries.add(canary);
            return canary;
        }
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "x".repeat(20_000 + random.nextInt(20_000));
            case 2 -> "\u0000\uFFFF\uD83D\uDE00 é ß \u200B";
            default -> "value-" + random.nextInt(1000);
        };
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
