package io.vigil.cib;

/** The input is not well-formed XML or JSON, or does not have the CIB's shape; the message names where. */
public class CibParseException extends CibException {
    private static final long serialVersionUID = 1L;

    private final String location;

    public CibParseException(String location, String message, Throwable cause) {
        super(location == null ? message : location + ": " + message, cause);
        this.location = location;
    }

    /** The JSON path ("$.configuration.resources[2].id") or XML position, when known. */
    public String location() {
        return location;
    }
}
