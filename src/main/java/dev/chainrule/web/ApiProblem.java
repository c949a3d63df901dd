package dev.chainrule.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Base of every exception that should reach the client as an RFC 9457 problem. Feature packages
 * throw subclasses (or the factory methods here); {@link ProblemHandler} renders them.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<ProblemError> errors;

    public ApiProblem(HttpStatus status, String slug, String title, String detail, List<ProblemError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ApiProblem notFound(String resource, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", resource + " not found",
                "No " + resource.toLowerCase() + " with id " + id + ".");
    }

    public static ApiProblem conflict(String slug, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail);
    }

    public static ApiProblem badRequest(String slug, String title, String detail, List<ProblemError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, slug, title, detail, errors);
    }

    public static ApiProblem unprocessable(String slug, String title, String detail, List<ProblemError> errors) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail, errors);
    }

    public HttpStatus status() {
        return status;
    }

    /** Last segment of the problem {@code type} URI, e.g. {@code invalid-model}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
