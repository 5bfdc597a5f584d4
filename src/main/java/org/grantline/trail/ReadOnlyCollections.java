package org.grantline.trail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes Jackson read every collection and map as an unmodifiable one, inside records and, as Jackson then reads
 * untyped values with the same readers, at any depth of an untyped map. Types read through {@link StoredJson}
 * declare only the interfaces ({@code List}, {@code Set}, {@code Map}; StoredJsonTest checks them): a field of a
 * concrete type such as {@code ArrayList} could not take the unmodifiable view and would not read.
 */
final class ReadOnlyCollections extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                            BeanDescription description,
                                                            JsonDeserializer<?> deserializer) {
        return new Unmodifiable(deserializer);
    }

    @Override
    public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
                                                     BeanDescription description, JsonDeserializer<?> deserializer) {
        return new Unmodifiable(deserializer);
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

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext context,
                                          TypeDeserializer types) throws IOException {
            return unmodifiable(super.deserializeWithType(parser, context, types));
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
}
