package io.vigil.cib.json;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/**
 * Writes a sealed interface's implementations with a leading {@code "element"} field (the XML element name) ("primitive", "rsc_order",
 * ...) and reads them back by that field.
 */
final class SealedAdapterFactory<T> implements TypeAdapterFactory {
    private static final String KIND = "element";
    private final Class<T> base;
    private final Map<String, Class<? extends T>> byKind = new LinkedHashMap<>();
    private final Map<Class<?>, String> byClass = new LinkedHashMap<>();

    SealedAdapterFactory(Class<T> base) {
        this.base = base;
    }

    SealedAdapterFactory<T> with(String kind, Class<? extends T> type) {
        byKind.put(kind, type);
        byClass.put(type, kind);
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> TypeAdapter<R> create(Gson gson, TypeToken<R> type) {
        if (type.getRawType() != base) {
            return null;
        }
        // Only gson's public API: com.google.gson.internal is not exported by the gson bundle.
        TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
        Map<Class<?>, TypeAdapter<?>> delegates = new LinkedHashMap<>();
        byClass.keySet().forEach(c -> delegates.put(c, gson.getDelegateAdapter(this, TypeToken.get(c))));
        return (TypeAdapter<R>) new TypeAdapter<T>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                if (value == null) {
                    out.nullValue();
                    return;
                }
                TypeAdapter<T> d = (TypeAdapter<T>) delegates.get(value.getClass());
                JsonObject fields = d.toJsonTree(value).getAsJsonObject();
                JsonObject withKind = new JsonObject();
                withKind.addProperty(KIND, byClass.get(value.getClass()));
                fields.entrySet().forEach(e -> withKind.add(e.getKey(), e.getValue()));
                gson.toJson(withKind, out);
            }

            @Override
            public T read(JsonReader in) throws IOException {
                String path = in.getPath();
                JsonElement tree = com.google.gson.JsonParser.parseReader(in);
                if (tree.isJsonNull()) {
                    return null;
                }
                if (!tree.isJsonObject()) {
                    throw new JsonParseException(path + ": expected an object with an \"element\" field");
                }
                JsonElement kind = tree.getAsJsonObject().get(KIND);
                Class<? extends T> c = kind != null && kind.isJsonPrimitive() ? byKind.get(kind.getAsString()) : null;
                if (c == null) {
                    throw new JsonParseException(path + ".element: expected one of " + byKind.keySet() + ", found " + kind);
                }
                try {
                    return ((TypeAdapter<T>) delegates.get(c)).fromJsonTree(tree);
                } catch (JsonParseException | IllegalStateException e) {
                    throw new JsonParseException(path + " (" + kind.getAsString() + "): " + e.getMessage(), e);
                }
            }
        };
    }
}
