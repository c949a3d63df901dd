package dev.chainrule.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import dev.chainrule.ops.JobMetrics;

/** Chooses how runners claim jobs: {@code SKIP LOCKED} on PostgreSQL, conditional updates elsewhere. */
@Configuration
class JobQueueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JobQueueConfiguration.class);

    @Bean
    JobQueue jobQueue(DataSource dataSource, NamedParameterJdbcTemplate jdbc, JobRepository jobs, JobMetrics metrics)
            throws SQLException {
        JobQueue queue = isPostgresql(dataSource) ? new SkipLockedJobQueue(jdbc) : new ConditionalUpdateJobQueue(jobs, jdbc);
        log.info("Jobs are claimed by {}", queue.getClass().getSimpleName());
        return timed(queue, metrics);
    }

    private static boolean isPostgresql(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    /** Every poll's claim is timed (at /actuator/prometheus): its cost is what grows with the workers. */
    private static JobQueue timed(JobQueue queue, JobMetrics metrics) {
        return (owner, now, cutoff, limit) -> {
            long start = System.nanoTime();
            List<UUID> claimed = queue.claim(owner, now, cutoff, limit);
            metrics.claimPolled(Duration.ofNanos(System.nanoTime() - start), claimed.size());
            return claimed;
        };
    }
}
