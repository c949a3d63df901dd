package dev.chainrule.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The job table as a work queue: hands one runner the next jobs to train, each to exactly one
 * runner however many poll at once. Claimable are QUEUED jobs and RUNNING jobs whose heartbeat
 * is older than the lease (their owner died). Order: abandoned jobs first (they had their turn
 * already), then higher {@code priority}, then older {@code created_at}, then id.
 *
 * <p>Fairness between tenants, once jobs belong to tenants, is one more sort key ahead of
 * priority, computed in the candidate query: each queued job's rank within its tenant (a window
 * function partitioned by tenant, ordered by priority and age), so that every tenant's first job
 * comes before any tenant's second. docs/scaling.md shows the query.
 */
interface JobQueue {

    int MIN_PRIORITY = -1000;
    int MAX_PRIORITY = 1000;

    /**
     * Marks up to {@code limit} claimable jobs, the first in claim order that no other runner is
     * claiming, RUNNING under {@code owner} and returns their ids; empty when there is nothing to do.
     *
     * @param cutoff a RUNNING job whose heartbeat is older than this is claimable
     */
    List<UUID> claim(String owner, Instant now, Instant cutoff, int limit);
}
