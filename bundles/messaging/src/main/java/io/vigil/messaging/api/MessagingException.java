package io.vigil.messaging.api;

/** A message could not be sent (channel closed, unknown destination, I/O failure). */
public class MessagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MessagingException(String message) {
        super(message);
    }

    public MessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
