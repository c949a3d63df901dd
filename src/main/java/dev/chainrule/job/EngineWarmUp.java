package dev.chainrule.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.chainrule.nn.Nd4jThreads;

/**
 * Loads ND4J's native backend as soon as the service is up, on a thread of its own. Loaded lazily,
 * it was the first job's to load: seconds (15 s on a busy 2-core machine) counted inside the job's
 * RUNNING time, and the first prediction's too. Pinning also fixes BLAS and ND4J's own ops to one
 * thread for the whole process before anything multiplies.
 */
@Component
class EngineWarmUp {

    private static final Logger log = LoggerFactory.getLogger(EngineWarmUp.class);

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread thread = new Thread(() -> {
            try {
                Nd4jThreads.pin(1);
            } catch (RuntimeException | LinkageError e) {
                log.warn("ND4J did not load ahead of the first job; it loads when that job starts", e);
            }
        }, "engine-warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
