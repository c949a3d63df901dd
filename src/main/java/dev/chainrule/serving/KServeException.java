package dev.chainrule.serving;

import org.springframework.http.HttpStatus;

/** A KServe v2 call the protocol refuses: answered {@code {"error": message}} with its status. */
class KServeException extends RuntimeException {

    private final HttpStatus status;

    private KServeException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static KServeException badRequest(String message) {
        return new KServeException(HttpStatus.BAD_REQUEST, message);
    }

    static KServeException notFound(String message) {
        return new KServeException(HttpStatus.NOT_FOUND, message);
    }

    HttpStatus status() {
        return status;
    }
}
