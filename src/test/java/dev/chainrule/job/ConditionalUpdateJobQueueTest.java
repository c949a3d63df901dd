package dev.chainrule.job;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The queue on H2: conditional updates. */
@DataJpaTest
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ConditionalUpdateJobQueueTest extends JobQueueContract {

    @Autowired
    JobRepository jobs;
    @Autowired
    JdbcTemplate jdbc;

    @Override
    JobQueue queue() {
        return new ConditionalUpdateJobQueue(jobs, new NamedParameterJdbcTemplate(jdbc));
    }

    @Override
    JdbcTemplate jdbc() {
        return jdbc;
    }
}
