package io.vigil.cib;

/**
 * One finding about a CIB: which object (kind + id) and which field it concerns, what is wrong and what to do.
 */
public record Problem(Severity severity, String kind, String objectId, String field, String message) {

    /** INFO is advice that does not make a document suspect (e.g. an unknown option Pacemaker would ignore). */
    public enum Severity { ERROR, WARNING, INFO }

    public static Problem error(String kind, String objectId, String field, String message) {
        return new Problem(Severity.ERROR, kind, objectId, field, message);
    }

    public static Problem warning(String kind, String objectId, String field, String message) {
        return new Problem(Severity.WARNING, kind, objectId, field, message);
    }

    public static Problem info(String kind, String objectId, String field, String message) {
        return new Problem(Severity.INFO, kind, objectId, field, message);
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "error: primitive 'db' field 'class': ..." */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(severity.name().toLowerCase(java.util.Locale.ROOT) + ": ");
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
