package dev.chainrule.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * One column of a stored dataset: its inferred type, statistics of its values and, when its values
 * are stored as codes, the dictionary that decodes them.
 */
@Entity
@Table(name = "dataset_column")
class DatasetColumn {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dataset_id")
    private Dataset dataset;

    @Column(name = "column_index")
    private int columnIndex;

    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "column_type")
    private ColumnType type;

    @Column(name = "missing_count")
    private int missingCount;

    @Column(name = "min_value")
    private Double min;

    @Column(name = "max_value")
    private Double max;

    @Column(name = "mean_value")
    private Double mean;

    @Column(name = "std_value")
    private Double std;

    @Column(name = "is_target")
    private boolean target;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dataset_category", joinColumns = @JoinColumn(name = "column_id"))
    @OrderColumn(name = "code")
    private List<Category> categories = new ArrayList<>();

    protected DatasetColumn() {
    }

    DatasetColumn(int columnIndex, String name, ColumnType type, int missingCount, NumericSummary summary,
            List<Category> categories, boolean target) {
        this.id = UUID.randomUUID();
        this.columnIndex = columnIndex;
        this.name = name;
        this.type = type;
        this.missingCount = missingCount;
        if (summary != null) {
            this.min = summary.min();
            this.max = summary.max();
            this.mean = summary.mean();
            this.std = summary.std();
        }
        this.categories = new ArrayList<>(categories);
        this.target = target;
    }

    /** Whether the column is one of the dataset's targets (a regression dataset may have several). */
    boolean isTarget() {
        return target;
    }

    void attachTo(Dataset owner) {
        this.dataset = owner;
    }

    int columnIndex() {
        return columnIndex;
    }

    String name() {
        return name;
    }

    ColumnType type() {
        return type;
    }

    int missingCount() {
        return missingCount;
    }

    /** Null when the column has no numeric value (categorical, or every value missing). */
    NumericSummary summary() {
        return min == null ? null : new NumericSummary(min, max, mean, std);
    }

    /** The dictionary when values are stored as codes; empty when they are stored as float32. */
    List<Category> categories() {
        return categories;
    }

    boolean storedAsCodes() {
        return !categories.isEmpty();
    }
}
