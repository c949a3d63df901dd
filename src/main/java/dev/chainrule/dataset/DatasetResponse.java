package dev.chainrule.dataset;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A dataset as the API shows it. {@code classes} is empty for regression. {@code targets} lists the
 * target columns (one, or several for a multi-target regression); {@code target} is their names joined
 * by commas, as an upload's {@code target} parameter names them.
 */
record DatasetResponse(UUID id, String name, int rows, String task, String target, List<String> targets,
        List<ColumnResponse> columns,
        List<String> classes, long sizeBytes, OffsetDateTime createdAt) {

    /**
     * One column with its statistics: numeric columns have min, max, mean and (population) std of
     * their present values; categorical columns and classification targets list their categories.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ColumnResponse(String name, String type, String role, int missing, Double min, Double max, Double mean,
            Double std, List<CategoryResponse> categories) {
    }

    record CategoryResponse(String value, int count) {
    }

    static DatasetResponse of(Dataset dataset) {
        List<ColumnResponse> columns = dataset.columns().stream()
                .map(column -> column(column, column.isTarget()))
                .toList();
        List<String> targets = dataset.targets().stream().map(DatasetColumn::name).toList();
        List<String> classes = dataset.task() == Task.CLASSIFICATION
                ? dataset.targets().get(0).categories().stream().map(Category::label).toList()
                : List.of();
        return new DatasetResponse(dataset.id(), dataset.name(), dataset.rowCount(), dataset.task().jsonName(),
                String.join(",", targets), targets, columns, classes, dataset.sourceBytes(), dataset.createdAt());
    }

    private static ColumnResponse column(DatasetColumn column, boolean target) {
        NumericSummary summary = column.summary();
        List<CategoryResponse> categories = column.storedAsCodes()
                ? column.categories().stream().filter(c -> !c.missing())
                        .map(c -> new CategoryResponse(c.label(), c.occurrences())).toList()
                : null;
        return new ColumnResponse(column.name(), column.type().jsonName(), target ? "target" : "feature",
                column.missingCount(), summary == null ? null : asWritten(summary.min()),
                summary == null ? null : asWritten(summary.max()), summary == null ? null : summary.mean(),
                summary == null ? null : summary.std(), categories);
    }

    /** Min and max are stored float32 values: shown as 4.3, not as the double 4.300000190734863. */
    private static Double asWritten(double storedFloat) {
        return Double.valueOf(Float.toString((float) storedFloat));
    }
}
