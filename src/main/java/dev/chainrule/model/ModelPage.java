package dev.chainrule.model;

import java.util.List;

/** One page of stored models, newest first; the same shape as the other paged lists. */
record ModelPage(List<ModelResponse> content, int page, int size, long totalElements, int totalPages) {
}
