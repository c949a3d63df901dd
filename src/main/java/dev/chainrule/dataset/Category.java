package dev.chainrule.dataset;

import jakarta.persistence.Embeddable;

/** One entry of a column's dictionary; its code is its position in the list. */
@Embeddable
record Category(String label, int occurrences, boolean missing) {
}
