package dev.chainrule.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.http.converter.HttpMessageNotReadableException;

import org.apache.tomcat.util.http.InvalidParameterException;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.JsonPointers;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.fault.QuotaExceededException;
import dev.chainrule.fault.TooLargeException;
import dev.chainrule.fault.UnavailableException;

/**
 * Turns every exception into an RFC 9457 problem ({@code application/problem+json}). Spring's own
 * MVC exceptions (415, 405, 413, missing parts, ...) get their status from the base class; this
 * class adds a stable {@code type}, JSON pointers for body faults, and hides internals on a 500.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_PREFIX = "/problems/";

    /** How each kind of domain refusal is answered; a kind missing here is a bug, answered as a 500. */
    private static final Map<Class<? extends DomainException>, HttpStatus> STATUS_OF_REFUSAL = Map.of(
            MalformedInputException.class, HttpStatus.BAD_REQUEST,
            NotFoundException.class, HttpStatus.NOT_FOUND,
            ConflictException.class, HttpStatus.CONFLICT,
            TooLargeException.class, HttpStatus.CONTENT_TOO_LARGE,
            InvalidInputException.class, HttpStatus.UNPROCESSABLE_CONTENT,
            UnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE,
            QuotaExceededException.class, HttpStatus.TOO_MANY_REQUESTS);

    /** A domain refusal: its code becomes the problem type, its faults the {@code errors}. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> handleRefusal(DomainException ex) {
        HttpStatus status = statusOf(ex.getClass());
        if (status == null) {
            return handleUnexpected(ex);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        body.setType(URI.create(TYPE_PREFIX + ex.code()));
        body.setTitle(ex.title());
        if (!ex.faults().isEmpty()) {
            body.setProperty("errors", ex.faults().stream().map(ProblemError::of).toList());
        }
        if (ex instanceof UnavailableException unavailable) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, unavailable.retryAfter().toSeconds())))
                    .body(body);
        }
        return problem(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        String detail = "Parameter '" + ex.getName() + "' has an invalid value: '" + ex.getValue() + "'.";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setType(URI.create(TYPE_PREFIX + "invalid-parameter"));
        body.setTitle("Invalid parameter");
        body.setProperty("errors", List.of(ProblemError.atField(ex.getName(), detail)));
        return problem(body);
    }

    /** A multipart body that does not parse (no boundary, no parts, cut short); one too large is a 413 above. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleUnparsableMultipart(MultipartException ex) {
        return malformed("malformed-multipart", "Malformed multipart body",
                "The multipart/form-data body cannot be read: it needs a boundary in its Content-Type and parts "
                        + "separated by it, the CSV in a part named 'file'.");
    }

    /** Tomcat refuses a query string or form whose '%' escapes do not decode when a parameter is first read. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> handleUndecodableParameters(InvalidParameterException ex) {
        return malformed("malformed-query", "Malformed query string",
                "The query string (or form) cannot be decoded: a '%' must be followed by two hexadecimal digits "
                        + "of UTF-8, as in %2F.");
    }

    private static ResponseEntity<Object> malformed(String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        body.setType(URI.create(TYPE_PREFIX + type));
        body.setTitle(title);
        return problem(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
        body.setType(URI.create(TYPE_PREFIX + "internal-error"));
        body.setTitle("Internal error");
        return problem(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ProblemError> errors = new ArrayList<>();
        for (FieldError fieldError : ex.getBindingResult().getFieldErrors()) {
            errors.add(ProblemError.atPointer(JsonPointers.fromPropertyPath(fieldError.getField()),
                    fieldError.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(ProblemError.atPointer("", e.getDefaultMessage())));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).message() : "The request body has " + errors.size() + " invalid fields.");
        body.setType(URI.create(TYPE_PREFIX + "invalid-request"));
        body.setTitle("Invalid request");
        body.setProperty("errors", errors);
        return problem(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException refusal) {
                return handleRefusal(refusal); // e.g. the JSON size limit, hit while the parser read
            }
        }
        UnreadableBody fault = UnreadableBody.of(ex);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, fault.detail());
        body.setType(URI.create(TYPE_PREFIX + fault.code()));
        body.setTitle(fault.title());
        body.setProperty("errors", List.of(ProblemError.atPointer(fault.pointer(), fault.detail())));
        return problem(body);
    }

    /** Tomcat does not tell Spring the limit, but its own message (the cause) states it. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        String detail = ex.getMaxUploadSize() > 0
                ? "The upload exceeds the limit of " + ex.getMaxUploadSize() + " bytes."
                : cause != ex && cause.getMessage() != null ? "The upload is too large: " + cause.getMessage()
                : "The upload is too large.";
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        body.setType(URI.create(TYPE_PREFIX + "upload-too-large"));
        body.setTitle("Upload too large");
        return problem(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            String title = problem.getTitle() == null ? "error" : problem.getTitle();
            problem.setType(URI.create(TYPE_PREFIX + title.toLowerCase().replaceAll("[^a-z0-9]+", "-")));
        }
        return response == null ? null
                : ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(response.getBody());
    }

    private static HttpStatus statusOf(Class<?> refusal) {
        for (Class<?> kind = refusal; kind != DomainException.class; kind = kind.getSuperclass()) {
            HttpStatus status = STATUS_OF_REFUSAL.get(kind);
            if (status != null) {
                return status;
            }
        }
        return null;
    }

    private static ResponseEntity<Object> problem(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
