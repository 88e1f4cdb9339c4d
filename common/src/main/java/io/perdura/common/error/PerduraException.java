package io.perdura.common.error;

/** The one exception type that carries an {@link ErrorType} across every layer. */
public class PerduraException extends RuntimeException {

    private final ErrorType errorType;

    public PerduraException(ErrorType errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    public PerduraException(ErrorType errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public ErrorType errorType() {
        return errorType;
    }

    public static PerduraException invalidArgument(String message) {
        return new PerduraException(ErrorType.INVALID_ARGUMENT, message);
    }

    public static PerduraException notFound(String message) {
        return new PerduraException(ErrorType.NOT_FOUND, message);
    }

    /** Unwraps completion/execution wrappers to the Perdura error inside, if any. */
    public static PerduraException unwrap(Throwable t) {
        Throwable current = t;
        while (current != null) {
            if (current instanceof PerduraException pe) {
                return pe;
            }
            current = current.getCause();
        }
        return new PerduraException(
                ErrorType.INTERNAL, t == null ? "unknown error" : String.valueOf(t.getMessage()), t);
    }
}
