package dev.chainrule.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Any database (H2 here): reads the first candidates in claim order, then claims them one by one
 * with a conditional UPDATE whose row count says whether this runner won. Runners that poll at
 * the same moment race for the same first rows and the losers' updates are wasted, which is fine
 * for the few instances an embedded database serves.
 */
final class ConditionalUpdateJobQueue implements JobQueue {

    /** Queued jobs in claim order, tenants taking turns within a priority (see {@link JobQueue}). */
    static final String QUEUED = "SELECT id FROM (SELECT q.id, q.priority, q.created_at, " + JobQueue.TURN
            + " AS turn FROM job q WHERE q.status = 'QUEUED') queued "
            + "ORDER BY priority DESC, turn, created_at, id LIMIT :limit";

    private final JobRepository jobs;
    private final NamedParameterJdbcTemplate jdbc;

    ConditionalUpdateJobQueue(JobRepository jobs, NamedParameterJdbcTemplate jdbc) {
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> claim(String owner, Instant now, Instant cutoff, int limit) {
        Set<UUID> candidates = new LinkedHashSet<>(jobs.findAbandoned(cutoff, PageRequest.of(0, limit)));
        candidates.addAll(jdbc.query(QUEUED, Map.of("limit", limit), (row, i) -> row.getObject(1, UUID.class)));
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
