package dev.chainrule.serving;

/**
 * A KServe v2 call the protocol refuses: answered {@code {"error": message}} by {@link KServeErrors},
 * with 404 for an unknown model or version and 400 for any other fault of the request.
 */
class KServeException extends RuntimeException {

    private final boolean unknownModel;

    private KServeException(boolean unknownModel, String message) {
        super(message);
        this.unknownModel = unknownModel;
    }

    static KServeException badRequest(String message) {
        return new KServeException(false, message);
    }

    static KServeException notFound(String message) {
        return new KServeException(true, message);
    }

    /** Whether the call names a model or version that is not published (else the request is at fault). */
    boolean unknownModel() {
        return unknownModel;
    }
}
