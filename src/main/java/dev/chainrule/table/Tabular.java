package dev.chainrule.table;

/** An answer that can also be given as a CSV table. */
public interface Tabular {

    Table table();
}
