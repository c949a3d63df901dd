package dev.chainrule.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.chainrule.fault.Fault;

/**
 * One fault inside a problem response. Exactly the locators that apply are set: a JSON pointer for
 * request bodies, a row and/or column for uploaded files, a field name for query or form parameters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String pointer, String field, Long row, String column, String message) {

    public static ProblemError of(Fault fault) {
        return new ProblemError(fault.pointer(), fault.field(), fault.row(), fault.column(), fault.message());
    }

    public static ProblemError atPointer(String pointer, String message) {
        return new ProblemError(pointer, null, null, null, message);
    }

    public static ProblemError atField(String field, String message) {
        return new ProblemError(null, field, null, null, message);
    }
}
