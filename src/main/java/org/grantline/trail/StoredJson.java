package org.grantline.trail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stored JSON (an application's payload, a submission's, a decision's outputs, a task completion's values), parsed
 * once per text. Every decision reads all that its application has on file, so the same texts were parsed again
 * at each of its decisions (docs/benchmarks.md, fix 37). The cache is keyed by the text itself, so a changed row
 * can never be answered from it, and it is bounded (least recently used go first). What it returns is shared
 * between callers and therefore read-only: records whose lists and maps, at any depth, cannot be changed.
 */
public final class StoredJson {

    /** About 8 texts per application (payloads and decision outputs) for several hundred applications. */
    static final int CAPACITY = 4096;

    private static final ObjectMapper READ_ONLY = CanonicalJson.MAPPER.copy()
            .registerModule(new SimpleModule("read-only collections").setDeserializerModifier(new ReadOnly()));

    private static final Map<Key, Object> PARSED = Collections.synchronizedMap(
            new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                    return size() > CAPACITY;
                }
            });

    private record Key(String json, Type type) {
    }

    public static <T> T read(String json, Class<T> type) {
        return type.cast(parsed(json, type, READ_ONLY.constructType(type)));
    }

    @SuppressWarnings("unchecked")
    public static <T> T read(String json, TypeReference<T> type) {
        return (T) parsed(json, type.getType(), READ_ONLY.constructType(type));
    }

    private static Object parsed(String json, Type type, JavaType javaType) {
        Key key = new Key(json, type);
        Object value = PARSED.get(key);
        if (value == null) {
            value = readOnly(parse(json, javaType));
            PARSED.put(key, value);
        }
        return value;
    }

    private static Object parse(String json, JavaType type) {
        try {
            return READ_ONLY.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON no longer reads as " + type.getRawClass().getSimpleName(), e);
        }
    }

    static int size() {
        return PARSED.size();
    }

    /** Maps and lists of untyped values ({@code Object}) are made by Jackson's plain reader, so they are copied. */
    private static Object readOnly(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, readOnly(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(readOnly(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /** Typed collections and maps inside records come back unmodifiable. */
    private static final class ReadOnly extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                                BeanDescription description,
                                                                JsonDeserializer<?> deserializer) {
            return new Unmodifiable(deserializer);
        }

        @Override
        public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                         BeanDescription description,
                                                         JsonDeserializer<?> deserializer) {
            return new Unmodifiable(deserializer);
        }
    }

    private static final class Unmodifiable extends DelegatingDeserializer {

        Unmodifiable(JsonDeserializer<?> deserializer) {
            super(deserializer);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> deserializer) {
            return new Unmodifiable(deserializer);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return unmodifiable(super.deserialize(parser, context));
        }

        private static Object unmodifiable(Object value) {
            if (value instanceof List<?> list) {
                return Collections.unmodifiableList(list);
            }
            if (value instanceof Set<?> set) {
                return Collections.unmodifiableSet(set);
            }
            if (value instanceof Collection<?> collection) {
                return Collections.unmodifiableCollection(collection);
            }
            if (value instanceof Map<?, ?> map) {
                return Collections.unmodifiableMap(map);
            }
            return value;
        }
    }

    private StoredJson() {
    }
}
