package dev.chainrule.job;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.chainrule.ops.JobStateCounts;

/** Feeds the chainrule_jobs{state} gauge: one grouped count over the job table. */
@Component
class JobStateCountsFromDatabase implements JobStateCounts {

    private final JobRepository jobs;

    JobStateCountsFromDatabase(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public Map<String, Long> countByState() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : jobs.countByStatus()) {
            counts.put(((JobStatus) row[0]).jsonName(), (Long) row[1]);
        }
        return counts;
    }
}
