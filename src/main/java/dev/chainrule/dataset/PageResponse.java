package dev.chainrule.dataset;

import java.util.List;

/** One page of a list; {@code page} counts from 0. */
record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
}
