package dev.chainrule.dataset;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.chainrule.web.ApiProblem;
import dev.chainrule.web.ProblemError;

/**
 * Every way an upload or a dataset request can be refused. A request that is malformed gets 400; a
 * file that arrived but cannot become a dataset gets 422. Rows are counted from 1 at the first row
 * after the header; lines are the file's physical lines, counted from 1.
 */
final class DatasetProblems {

    private DatasetProblems() {
    }

    static ApiProblem notFound(Object id) {
        return ApiProblem.notFound("Dataset", id);
    }

    static ApiProblem inUse(Object id) {
        return ApiProblem.conflict("dataset-in-use", "Dataset in use",
                "Dataset " + id + " is used by a queued or running job; cancel the job or wait for it to finish.");
    }

    static ApiProblem tooLarge(long limitBytes) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large",
                "The upload exceeds the limit of " + limitBytes + " bytes (chainrule.datasets.max-upload-size).");
    }

    static ApiProblem invalidParameter(String field, String message) {
        return ApiProblem.badRequest("invalid-parameter", "Invalid parameter", message,
                List.of(ProblemError.atField(field, message)));
    }

    static ApiProblem emptyFile() {
        return invalidCsv("empty-file", "Empty file", "The file is empty; a CSV with a header row is required.",
                List.of());
    }

    static ApiProblem noRows() {
        return invalidCsv("no-rows", "No data rows", "The file has a header row but no data rows.", List.of());
    }

    /** @param row the data row holding bytes that are not UTF-8 (0: the header) */
    static ApiProblem notText(long row, String column) {
        String where = row > 0 ? "in row " + row + ", column '" + column + "'" : "in the header";
        String detail = "The file is not UTF-8 text (invalid bytes " + where + "); upload a CSV file saved as UTF-8.";
        return invalidCsv("not-text", "Not a text file", detail,
                List.of(row > 0 ? ProblemError.atCell(row, column, detail) : ProblemError.atRow(0, detail)));
    }

    static ApiProblem binary() {
        return invalidCsv("not-text", "Not a text file",
                "The file contains NUL bytes: it is binary, not UTF-8 CSV text.", List.of());
    }

    static ApiProblem emptyColumnName(int position) {
        String detail = "Column " + position + " of the header has an empty name.";
        return invalidCsv("invalid-header", "Invalid header", detail,
                List.of(ProblemError.atColumn(String.valueOf(position), detail)));
    }

    static ApiProblem duplicateColumnName(String name, int first, int second) {
        String detail = "Column name '" + name + "' appears twice in the header (columns " + first + " and " + second + ").";
        return invalidCsv("invalid-header", "Invalid header", detail, List.of(ProblemError.atColumn(name, detail)));
    }

    static ApiProblem wrongFieldCount(long row, long line, int expected, int actual) {
        String detail = "Row " + row + " (line " + line + ") has " + actual + " field" + (actual == 1 ? "" : "s")
                + " but the header has " + expected + ".";
        return invalidCsv("wrong-field-count", "Wrong number of fields", detail, List.of(ProblemError.atRow(row, detail)));
    }

    static ApiProblem malformed(long row, String reason) {
        String detail = "The CSV cannot be parsed in row " + row + ": " + reason;
        return invalidCsv("malformed-csv", "Malformed CSV", detail, List.of(ProblemError.atRow(row, detail)));
    }

    static ApiProblem unknownTarget(String target, List<String> columns) {
        String detail = "Target column '" + target + "' is not in the header; columns are " + columns + ".";
        return invalidCsv("unknown-target", "Unknown target column", detail,
                List.of(ProblemError.atField("target", detail)));
    }

    static ApiProblem missingTarget(String column, long row) {
        String detail = "The target column '" + column + "' has no value in row " + row
                + "; every row needs a target value.";
        return invalidCsv("missing-target-value", "Missing target value", detail,
                List.of(ProblemError.atCell(row, column, detail)));
    }

    static ApiProblem singleClass(String column, String onlyClass) {
        String detail = "The classification target '" + column + "' has a single class ('" + onlyClass
                + "'); at least two are needed.";
        return invalidCsv("single-class", "Single class", detail, List.of(ProblemError.atColumn(column, detail)));
    }

    static ApiProblem nonNumericTarget(String column, long row, String value) {
        String detail = "Regression needs a numeric target, but column '" + column + "' has '" + value + "' in row "
                + row + ".";
        return invalidCsv("non-numeric-target", "Non-numeric regression target", detail,
                List.of(ProblemError.atCell(row, column, detail), ProblemError.atField("task", detail)));
    }

    static ApiProblem tooManyCategories(String column, int limit) {
        String detail = "Categorical column '" + column + "' has more than " + limit
                + " distinct values (chainrule.datasets.max-categories); drop the column from the file"
                + " (an identifier or free text cannot be a useful feature) or make its values numeric.";
        return invalidCsv("too-many-categories", "Too many categories", detail,
                List.of(ProblemError.atColumn(column, detail)));
    }

    static ApiProblem tooManyClasses(String column, int limit) {
        String detail = "Target column '" + column + "' has more than " + limit
                + " distinct values, too many for classification; use task=regression for a numeric target.";
        return invalidCsv("too-many-classes", "Too many classes", detail,
                List.of(ProblemError.atColumn(column, detail)));
    }

    static ApiProblem tooManyRows(long limit) {
        return invalidCsv("too-many-rows", "Too many rows", "A dataset holds at most " + limit + " rows.", List.of());
    }

    private static ApiProblem invalidCsv(String slug, String title, String detail, List<ProblemError> errors) {
        return ApiProblem.unprocessable(slug, title, detail, errors);
    }
}
