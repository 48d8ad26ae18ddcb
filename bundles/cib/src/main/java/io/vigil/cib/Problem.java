package io.vigil.cib;

/**
 * One finding about a CIB: which object (kind + id) and which field it concerns, what is wrong and what to do.
 */
public record Problem(Severity severity, String kind, String objectId, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String kind, String objectId, String field, String message) {
        return new Problem(Severity.ERROR, kind, objectId, field, message);
    }

    public static Problem warning(String kind, String objectId, String field, String message) {
        return new Problem(Severity.WARNING, kind, objectId, field, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "error: primitive 'db' field 'class': ..." */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(severity == Severity.ERROR ? "error: " : "warning: ");
        b.append(kind);
        if (objectId != null) {
            b.append(" '").append(objectId).append('\'');
        }
        if (field != null) {
            b.append(" field '").append(field).append('\'');
        }
        return b.append(": ").append(message).toString();
    }
}
