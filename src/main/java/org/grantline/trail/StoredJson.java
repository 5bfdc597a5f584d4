package org.grantline.trail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored JSON (an application's payload, a submission's, a decision's outputs, a task completion's values), parsed
 * once per text. Every decision reads all that its application has on file, so the same texts were parsed again
 * at each of its decisions (docs/benchmarks.md, fix 37). The cache is keyed by the text itself, so a changed row
 * can never be answered from it, and bounded by the length of the texts it keeps (least recently used go first;
 * a text too long to be worth keeping is parsed every time). What it returns is shared between callers and
 * therefore read-only: records whose lists, sets and maps, at any depth, cannot be changed
 * ({@link ReadOnlyCollections}).
 */
public final class StoredJson {

    /**
     * About 20 texts per application (its payload, its submissions, its decisions' outputs, its task completions)
     * of one to a few thousand characters each: room for several hundred applications in progress at once, a few
     * tens of megabytes of heap.
     */
    static final int MAX_CHARS = 8_000_000;
    static final int MAX_TEXT = 65_536;

    private static final ObjectMapper READ_ONLY = CanonicalJson.MAPPER.copy().registerModule(
            new SimpleModule("read-only collections").setDeserializerModifier(new ReadOnlyCollections()));

    private static final Map<Key, Object> PARSED = new LinkedHashMap<>(4096, 0.75f, true);
    private static long chars;

    private record Key(String json, Type type) {
    }

    public static <T> T read(String json, Class<T> type) {
        return type.cast(parsed(json, type));
    }

    @SuppressWarnings("unchecked")
    public static <T> T read(String json, TypeReference<T> type) {
        return (T) parsed(json, type.getType());
    }

    private static Object parsed(String json, Type type) {
        if (json.length() > MAX_TEXT) {
            return parse(json, type);
        }
        json.hashCode(); // outside the lock: a String keeps its hash once worked out
        Key key = new Key(json, type);
        Object value = cached(key);
        if (value == null) {
            value = parse(json, type);
            keep(key, value);
        }
        return value;
    }

    private static synchronized Object cached(Key key) {
        return PARSED.get(key);
    }

    private static synchronized void keep(Key key, Object value) {
        if (PARSED.put(key, value) == null) {
            chars += key.json().length();
        }
        for (Iterator<Key> eldest = PARSED.keySet().iterator(); chars > MAX_CHARS && eldest.hasNext(); ) {
            chars -= eldest.next().json().length();
            eldest.remove();
        }
    }

    private static Object parse(String json, Type type) {
        JavaType javaType = READ_ONLY.constructType(type);
        try {
            return READ_ONLY.readValue(json, javaType);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON no longer reads as "
                    + javaType.getRawClass().getSimpleName(), e);
        }
    }

    /** The length of the texts kept, for tests. */
    static synchronized long chars() {
        return chars;
    }

    private StoredJson() {
    }
}
