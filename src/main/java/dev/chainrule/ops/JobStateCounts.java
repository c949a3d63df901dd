package dev.chainrule.ops;

import java.util.Map;

/** How many jobs are in each state (queued, running, ...); implemented by the jobs package. */
public interface JobStateCounts {

    /** State name (as the API writes it; case does not matter) to count; a state with no jobs may be left out. */
    Map<String, Long> countByState();
}
