package dev.chainrule.web;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of a list, the same shape for every resource; {@code page} counts from 0 (see {@link Paging}). */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResponse<T> of(Page<T> page) {
        return new PageResponse<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
