package org.disclosureguard.policy;

import com.google.protobuf.ByteString;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Maps Avro schemas to CEL variable types and Avro values to CEL values (enums are their symbol names). */
final class CelValues {
    private CelValues() {}

    /** Non-null scalars get a precise type (so that rules are type-checked); anything nullable or nested is dyn. */
    static CelType typeOf(Schema schema) {
        return switch (schema.getType()) {
            case STRING, ENUM -> SimpleType.STRING;
            case INT, LONG -> SimpleType.INT;
            case BOOLEAN -> SimpleType.BOOL;
            case FLOAT, DOUBLE -> SimpleType.DOUBLE;
            case BYTES, FIXED -> SimpleType.BYTES;
            default -> SimpleType.DYN;
        };
    }

    static Object valueOf(Object value) {
        if (value == null) {
            return NullValue.NULL_VALUE;
        }
        if (value instanceof CharSequence || value instanceof org.apache.avro.generic.GenericEnumSymbol<?>) {
            return value.toString();
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof GenericRecord record) {
            Map<String, Object> map = new HashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                map.put(field.name(), valueOf(record.get(field.pos())));
            }
            return map;
        }
        if (value instanceof Map<?, ?> avroMap) {
            Map<String, Object> map = new HashMap<>();
            avroMap.forEach((k, v) -> map.put(k.toString(), valueOf(v)));
            return map;
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            items.forEach(item -> list.add(valueOf(item)));
            return list;
        }
        if (value instanceof ByteBuffer buffer) {
            return ByteString.copyFrom(buffer.duplicate());
        }
        return value; // Long, Double, Boolean
    }
}
