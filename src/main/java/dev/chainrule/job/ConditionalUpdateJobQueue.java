package dev.chainrule.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;

/**
 * Any database (H2 here): reads the first candidates in claim order, then claims them one by one
 * with a conditional UPDATE whose row count says whether this runner won. Runners that poll at
 * the same moment race for the same first rows and the losers' updates are wasted, which is fine
 * for the few instances an embedded database serves.
 */
final class ConditionalUpdateJobQueue implements JobQueue {

    private final JobRepository jobs;

    ConditionalUpdateJobQueue(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<UUID> claim(String owner, Instant now, Instant cutoff, int limit) {
        Set<UUID> candidates = new LinkedHashSet<>(jobs.findAbandoned(cutoff, PageRequest.of(0, limit)));
        candidates.addAll(jobs.findQueued(PageRequest.of(0, limit)));
        List<UUID> claimed = new ArrayList<>();
        for (UUID id : candidates) {
            if (claimed.size() == limit) {
                break;
            }
            if (jobs.claim(id, owner, now, cutoff) == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }
}
