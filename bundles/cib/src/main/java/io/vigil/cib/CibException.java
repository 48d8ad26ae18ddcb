package io.vigil.cib;

/** Base of the library's own checked failures: every rejection the library makes is one of these. */
public abstract class CibException extends Exception {
    private static final long serialVersionUID = 1L;

    protected CibException(String message, Throwable cause) {
        super(message, cause);
    }
}
