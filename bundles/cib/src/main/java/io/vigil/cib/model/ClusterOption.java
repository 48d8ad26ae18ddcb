package io.vigil.cib.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One cluster option (crm_config property): its name, type, default and allowed values. */
public record ClusterOption(String name, Type type, String defaultValue, List<String> allowedValues,
                            String description) {

    public enum Type { BOOLEAN, INTEGER, DURATION, SCORE, PERCENTAGE, ENUM, STRING }

    public ClusterOption {
        allowedValues = Lists.copy(allowedValues);
    }

    /** Empty when {@code value} fits the type; otherwise what is wrong, for an operator. */
    public Optional<String> check(String value) {
        if (value == null) {
            return Optional.of("has no value");
        }
        boolean ok = switch (type) {
            case BOOLEAN -> Truth.parse(value).isPresent();
            case INTEGER -> value.trim().matches("[+-]?\\d+");
            case DURATION -> TimeSpec.toMillis(value).isPresent();
            case SCORE -> Score.tryParse(value).isPresent();
            case PERCENTAGE -> value.trim().matches("\\d+%?");
            case ENUM -> allowedValues.contains(value.trim().toLowerCase(Locale.ROOT));
            case STRING -> true;
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(switch (type) {
            case BOOLEAN -> "'" + value + "' is not a boolean (allowed: true, false)";
            case INTEGER -> "'" + value + "' is not an integer";
            case DURATION -> "'" + value + "' is not a time interval (e.g. 60s, 15min, 1h)";
            case SCORE -> "'" + value + "' is not a score (an integer, INFINITY or -INFINITY)";
            case PERCENTAGE -> "'" + value + "' is not a percentage (e.g. 80%)";
            case ENUM -> "'" + value + "' is not allowed (allowed: " + String.join(", ", allowedValues) + ")";
            case STRING -> "";
        });
    }
}
