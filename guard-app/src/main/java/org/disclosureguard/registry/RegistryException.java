package org.disclosureguard.registry;

/** A schema-registry call that did not give an answer to use. */
public class RegistryException extends Exception {
    private static final long serialVersionUID = 1L;

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No answer, a timeout or a server error: worth retrying. */
    public static final class Unavailable extends RegistryException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The registry answered that the subject, version or schema id does not exist (HTTP 404). */
    public static final class NotFound extends RegistryException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(message, null);
        }
    }

    /** The registry refused the request (authentication, an incompatible or invalid schema, ...). */
    public static final class Refused extends RegistryException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public Refused(int status, String message) {
            super(message, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
