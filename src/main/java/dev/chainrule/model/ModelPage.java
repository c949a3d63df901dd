package dev.chainrule.model;

import java.util.List;

/** One page of stored models, newest first. */
record ModelPage(List<ModelResponse> items, int page, int size, long totalItems, int totalPages) {
}
