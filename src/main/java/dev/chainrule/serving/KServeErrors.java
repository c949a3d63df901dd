package dev.chainrule.serving;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.JsonReadFaults;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.serving.KServeTypes.ErrorMessage;
import tools.jackson.core.JacksonException;

/**
 * Errors of the KServe v2 endpoints in the protocol's form, {@code {"error": "…"}}: 404 for an unknown
 * model or version, 400 for any other fault of the request. Scoped to {@link KServeController}; the
 * native API keeps its problem documents.
 */
@RestControllerAdvice(assignableTypes = KServeController.class)
class KServeErrors {

    private static final Logger log = LoggerFactory.getLogger(KServeErrors.class);

    @ExceptionHandler(KServeException.class)
    ResponseEntity<ErrorMessage> refused(KServeException e) {
        return error(e.unknownModel() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A fault found by the shared prediction path (a job that vanished, a value it refuses). */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ErrorMessage> refusedByDomain(DomainException e) {
        StringBuilder message = new StringBuilder(e.getMessage());
        if (e.faults().size() > 1) {
            for (Fault fault : e.faults()) {
                message.append(' ').append(fault.message());
            }
        }
        return error(e instanceof NotFoundException ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                message.toString());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorMessage> unreadable(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JacksonException jackson)) {
            return error(HttpStatus.BAD_REQUEST, "The request body must be a JSON inference request.");
        }
        Fault fault = JsonReadFaults.of(jackson, "");
        return error(HttpStatus.BAD_REQUEST, "The request body could not be read"
                + (fault.pointer().isEmpty() ? "" : " at " + fault.pointer()) + ": " + fault.message());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorMessage> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.BAD_REQUEST, "Send the inference request as application/json, not "
                + e.getContentType() + ".");
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ErrorMessage> database(DataAccessException e) {
        log.error("KServe v2 call failed on the database", e);
        return error(HttpStatus.SERVICE_UNAVAILABLE, "The model store is not available; try again.");
    }

    /** Spring MVC's own refusals (a header it cannot serve, a missing part) keep a client-error status. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorMessage> unexpected(Exception e) {
        if (e instanceof ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            String detail = refusal.getBody().getDetail();
            return error(refusal.getStatusCode().value() == 404 ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
                    detail == null ? "The request cannot be served." : detail);
        }
        log.error("Unexpected error in a KServe v2 call", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "An unexpected error occurred; it has been logged.");
    }

    private static ResponseEntity<ErrorMessage> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ErrorMessage(message));
    }
}
