package io.vigil.cib.model;

/** One name/value pair. {@code idRef} is set when the pair only refers to another pair (not resolved). */
public record Nvpair(String id, String name, String value, String idRef) {

    public static Nvpair of(String id, String name, String value) {
        return new Nvpair(id, name, value, null);
    }
}
