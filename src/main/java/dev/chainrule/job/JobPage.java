package dev.chainrule.job;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of jobs, newest first (the same shape as a page of datasets). */
record JobPage(List<JobView> content, int page, int size, long totalElements, int totalPages) {

    static JobPage of(Page<JobView> page) {
        return new JobPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
