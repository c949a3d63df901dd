package dev.chainrule.dataset;

/** Turns stored values back into what the CSV held: numbers, strings, or null for missing. */
final class RawValues {

    private RawValues() {
    }

    static Object at(ColumnValues values, int row) {
        if (values.numbers() != null) {
            float number = values.numbers()[row];
            return Float.isNaN(number) ? null : number;
        }
        Category category = values.column().categories().get(values.codes()[row]);
        if (category.missing()) {
            return null;
        }
        // A numeric classification target keeps its labels numeric.
        return values.column().type() == ColumnType.NUMERIC ? Float.valueOf(category.label()) : category.label();
    }
}
