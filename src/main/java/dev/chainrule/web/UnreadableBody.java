package dev.chainrule.web;

import org.springframework.http.converter.HttpMessageNotReadableException;

import dev.chainrule.fault.Fault;
import dev.chainrule.fault.JsonPointers;
import dev.chainrule.fault.JsonReadFaults;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a request body could not be read, in the client's terms: the JSON pointer at fault and what
 * is wrong there ({@link JsonReadFaults}). No Java class is named.
 */
record UnreadableBody(String code, String title, String pointer, String detail) {

    static UnreadableBody of(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof InvalidTypeIdException unknownType) {
            return new UnreadableBody("unknown-type", "Unknown type", JsonReadFaults.unknownType(unknownType));
        }
        if (ex.getCause() instanceof UnrecognizedPropertyException unknownField) {
            return new UnreadableBody("unknown-field", "Unknown field", JsonReadFaults.unknownField(unknownField));
        }
        if (ex.getCause() instanceof JacksonException jackson) {
            String pointer = JsonPointers.fromJacksonPath(jackson.getPath());
            return unreadable(pointer, "The request body could not be read" + (pointer.isEmpty() ? "" : " at " + pointer)
                    + ": " + JsonReadFaults.words(jackson));
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return unreadable("", "A request body is required.");
        }
        return unreadable("", "The request body is not valid JSON.");
    }

    private UnreadableBody(String code, String title, Fault fault) {
        this(code, title, fault.pointer(), fault.message());
    }

    private static UnreadableBody unreadable(String pointer, String detail) {
        return new UnreadableBody("unreadable-body", "Unreadable request body", pointer, detail);
    }
}
