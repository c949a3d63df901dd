package dev.chainrule.ops;

import java.util.Map;

/** How many jobs are in each state (QUEUED, RUNNING, ...); implemented by the jobs package. */
public interface JobStateCounts {

    /** State name to count; a state with no jobs may be left out. */
    Map<String, Long> countByState();
}
