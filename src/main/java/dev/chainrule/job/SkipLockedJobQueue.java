package dev.chainrule.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * PostgreSQL: one statement picks and claims the next jobs. {@code FOR UPDATE SKIP LOCKED} makes
 * concurrent runners pass over the rows another runner is claiming this instant instead of
 * queueing behind its lock or racing it for the same row, so each poll costs one round trip
 * however many workers there are. A row that changed since the statement's snapshot is
 * re-checked against the WHERE clause once locked, so a job another runner just claimed is skipped.
 */
final class SkipLockedJobQueue implements JobQueue {

    static final String CLAIM = """
            WITH candidate AS (
                SELECT q.id, q.status, q.priority, q.created_at, %s AS turn FROM job q
                WHERE q.status = 'QUEUED' OR (q.status = 'RUNNING' AND q.heartbeat_at < :cutoff)),
            next AS (
                SELECT job.id FROM job JOIN candidate ON candidate.id = job.id
                WHERE job.status = 'QUEUED' OR (job.status = 'RUNNING' AND job.heartbeat_at < :cutoff)
                ORDER BY CASE WHEN candidate.status = 'RUNNING' THEN 0 ELSE 1 END, candidate.priority DESC,
                    candidate.turn, candidate.created_at, candidate.id
                LIMIT :limit
                FOR UPDATE OF job SKIP LOCKED)
            UPDATE job SET status = 'RUNNING', owner = :owner, heartbeat_at = :now,
                started_at = COALESCE(started_at, :now)
            FROM next WHERE job.id = next.id
            RETURNING job.id""".formatted(JobQueue.TURN);

    private final NamedParameterJdbcTemplate jdbc;

    SkipLockedJobQueue(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> claim(String owner, Instant now, Instant cutoff, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("owner", owner)
                .addValue("now", utc(now))
                .addValue("cutoff", utc(cutoff))
                .addValue("limit", limit);
        return jdbc.query(CLAIM, parameters, (row, i) -> row.getObject(1, UUID.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
