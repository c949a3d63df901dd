package dev.chainrule.dataset;

import java.util.List;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.fault.TooLargeException;

/**
 * Every way an upload or a dataset request can be refused. A request that is malformed gets 400; a
 * file that arrived but cannot become a dataset gets 422. Rows are counted from 1 at the first row
 * after the header; lines are the file's physical lines, counted from 1.
 */
final class DatasetProblems {

    private DatasetProblems() {
    }

    static NotFoundException notFound(Object id) {
        return new NotFoundException("Dataset", id);
    }

    static ConflictException inUse(Object id) {
        return new ConflictException("dataset-in-use", "Dataset in use",
                "Dataset " + id + " is used by a queued or running job; cancel the job or wait for it to finish.");
    }

    static TooLargeException tooLarge(long limitBytes) {
        return new TooLargeException("upload-too-large", "Upload too large",
                "The upload exceeds the limit of " + limitBytes + " bytes (chainrule.datasets.max-upload-size).",
                List.of());
    }

    static TooLargeException overStorageQuota(long quotaBytes, long leftBytes) {
        return new TooLargeException("storage-quota-exceeded", "Storage quota exceeded",
                "The upload exceeds the tenant's storage quota maxStorageBytes of " + quotaBytes + " bytes: "
                        + leftBytes + " bytes are left. Delete datasets or ask an admin for a larger quota.",
                List.of());
    }

    static MalformedInputException invalidParameter(String field, String message) {
        return MalformedInputException.parameter(field, message);
    }

    static InvalidInputException emptyFile() {
        return invalidCsv("empty-file", "Empty file", "The file is empty; a CSV with a header row is required.",
                List.of());
    }

    static InvalidInputException noRows() {
        return invalidCsv("no-rows", "No data rows", "The file has a header row but no data rows.", List.of());
    }

    /** @param row the data row holding bytes that are not UTF-8 (0: the header) */
    static InvalidInputException notText(long row, String column) {
        String where = row > 0 ? "in row " + row + ", column '" + column + "'" : "in the header";
        String detail = "The file is not UTF-8 text (invalid bytes " + where + "); upload a CSV file saved as UTF-8.";
        return invalidCsv("not-text", "Not a text file", detail,
                List.of(row > 0 ? Fault.atCell(row, column, detail) : Fault.atRow(0, detail)));
    }

    static InvalidInputException binary() {
        return invalidCsv("not-text", "Not a text file",
                "The file contains NUL bytes: it is binary, not UTF-8 CSV text.", List.of());
    }

    static InvalidInputException emptyColumnName(int position) {
        String detail = "Column " + position + " of the header has an empty name.";
        return invalidCsv("invalid-header", "Invalid header", detail,
                List.of(Fault.atColumn(String.valueOf(position), detail)));
    }

    static InvalidInputException duplicateColumnName(String name, int first, int second) {
        String detail = "Column name '" + name + "' appears twice in the header (columns " + first + " and " + second + ").";
        return invalidCsv("invalid-header", "Invalid header", detail, List.of(Fault.atColumn(name, detail)));
    }

    static InvalidInputException wrongFieldCount(long row, long line, int expected, int actual) {
        String detail = "Row " + row + " (line " + line + ") has " + actual + " field" + (actual == 1 ? "" : "s")
                + " but the header has " + expected + ".";
        return invalidCsv("wrong-field-count", "Wrong number of fields", detail, List.of(Fault.atRow(row, detail)));
    }

    static InvalidInputException malformed(long row, String reason) {
        String detail = "The CSV cannot be parsed in row " + row + ": " + reason;
        return invalidCsv("malformed-csv", "Malformed CSV", detail, List.of(Fault.atRow(row, detail)));
    }

    static InvalidInputException unknownTarget(String target, List<String> columns) {
        String detail = "Target column '" + target + "' is not in the header; columns are " + columns + ".";
        return invalidCsv("unknown-target", "Unknown target column", detail,
                List.of(Fault.atField("target", detail)));
    }

    static InvalidInputException repeatedTarget(String target) {
        String detail = "Target column '" + target + "' is named more than once.";
        return invalidCsv("repeated-target", "Repeated target column", detail,
                List.of(Fault.atField("target", detail)));
    }

    static InvalidInputException noFeatures(List<String> targets) {
        String detail = "Every column is a target (" + targets + "); at least one feature column must remain.";
        return invalidCsv("no-features", "No feature column", detail, List.of(Fault.atField("target", detail)));
    }

    static InvalidInputException severalClassificationTargets(int count) {
        String detail = "A classification dataset has one target column, but " + count
                + " were given; several targets need task=regression.";
        return invalidCsv("several-classification-targets", "Several classification targets", detail,
                List.of(Fault.atField("target", detail), Fault.atField("task", detail)));
    }

    static InvalidInputException missingTarget(String column, long row) {
        String detail = "The target column '" + column + "' has no value in row " + row
                + "; every row needs a target value.";
        return invalidCsv("missing-target-value", "Missing target value", detail,
                List.of(Fault.atCell(row, column, detail)));
    }

    static InvalidInputException singleClass(String column, String onlyClass) {
        String detail = "The classification target '" + column + "' has a single class ('" + onlyClass
                + "'); at least two are needed.";
        return invalidCsv("single-class", "Single class", detail, List.of(Fault.atColumn(column, detail)));
    }

    static InvalidInputException nonNumericTarget(String column, long row, String value) {
        String detail = "Regression needs a numeric target, but column '" + column + "' has '" + value + "' in row "
                + row + ".";
        return invalidCsv("non-numeric-target", "Non-numeric regression target", detail,
                List.of(Fault.atCell(row, column, detail), Fault.atField("task", detail)));
    }

    static InvalidInputException tooManyCategories(String column, int limit) {
        String detail = "Categorical column '" + column + "' has more than " + limit
                + " distinct values (chainrule.datasets.max-categories); drop the column from the file"
                + " (an identifier or free text cannot be a useful feature) or make its values numeric.";
        return invalidCsv("too-many-categories", "Too many categories", detail,
                List.of(Fault.atColumn(column, detail)));
    }

    static InvalidInputException tooManyClasses(String column, int limit) {
        String detail = "Target column '" + column + "' has more than " + limit
                + " distinct values, too many for classification; use task=regression for a numeric target.";
        return invalidCsv("too-many-classes", "Too many classes", detail,
                List.of(Fault.atColumn(column, detail)));
    }

    static InvalidInputException tooManyRows(long limit) {
        return invalidCsv("too-many-rows", "Too many rows", "A dataset holds at most " + limit + " rows.", List.of());
    }

    private static InvalidInputException invalidCsv(String code, String title, String detail, List<Fault> faults) {
        return new InvalidInputException(code, title, detail, faults);
    }
}
