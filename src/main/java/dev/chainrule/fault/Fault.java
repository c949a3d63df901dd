package dev.chainrule.fault;

/**
 * One fault in what a client sent. Exactly the locators that apply are set: a JSON pointer into a
 * request body, a field (a query or form parameter), and/or a row and column of an uploaded file.
 */
public record Fault(String pointer, String field, Long row, String column, String message) {

    public static Fault atPointer(String pointer, String message) {
        return new Fault(pointer, null, null, null, message);
    }

    public static Fault atField(String field, String message) {
        return new Fault(null, field, null, null, message);
    }

    public static Fault atRow(long row, String message) {
        return new Fault(null, null, row, null, message);
    }

    public static Fault atColumn(String column, String message) {
        return new Fault(null, null, null, column, message);
    }

    public static Fault atCell(long row, String column, String message) {
        return new Fault(null, null, row, column, message);
    }
}
