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
 * <p>Fairness between tenants: within one priority, tenants take turns. Each candidate's
 * {@link #TURN} is its rank by age among its tenant's queued jobs of that priority, plus the jobs
 * its tenant has running; the claim sorts by turn before age. A tenant with nothing running gets
 * its oldest job claimed before a busier tenant's next one, so one tenant's hundred queued jobs
 * never starve another tenant's one. Priority still comes first. docs/scaling.md shows the query.
 */
interface JobQueue {

    /**
     * A candidate's turn (the candidate rows aliased {@code q}): 1 for the oldest queued job of a
     * tenant with nothing running, one more for each older job of its tenant and priority and for
     * each job its tenant runs.
     */
    String TURN = "ROW_NUMBER() OVER (PARTITION BY q.tenant_id, q.status, q.priority ORDER BY q.created_at, q.id) "
            + "+ (SELECT COUNT(*) FROM job r WHERE r.tenant_id = q.tenant_id AND r.status = 'RUNNING')";

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
