package dev.chainrule.table;

import java.util.List;

/**
 * A result as rows of text under a header, for clients that ask for CSV ({@code Accept: text/csv}).
 * The web layer writes any {@link Tabular} answer this way; the feature that answers builds the table.
 */
public record Table(List<String> header, List<List<String>> rows) {

    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
