package io.vigil.api.agent;

import java.util.Objects;

/**
 * One parameter an agent accepts, as its OCF meta-data declares it.
 *
 * @param name the parameter name ({@code OCF_RESKEY_<name>} for scripts)
 * @param type {@code string}, {@code integer}, {@code boolean}, … as in OCF meta-data
 * @param required whether a resource must set it
 * @param unique whether two resources of this type may not share its value
 * @param defaultValue the default, or {@code null}
 * @param shortDescription a one-line description
 * @param longDescription a longer description, may be empty
 */
public record ParameterSpec(String name, String type, boolean required, boolean unique, String defaultValue,
        String shortDescription, String longDescription) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        type = type == null ? "string" : type;
        shortDescription = shortDescription == null ? "" : shortDescription;
        longDescription = longDescription == null ? "" : longDescription;
    }

    /** A string parameter with a default and a short description. */
    public static ParameterSpec optional(String name, String defaultValue, String shortDescription) {
        return new ParameterSpec(name, "string", false, false, defaultValue, shortDescription, "");
    }

    /** A required string parameter. */
    public static ParameterSpec required(String name, String shortDescription) {
        return new ParameterSpec(name, "string", true, false, null, shortDescription, "");
    }
}
