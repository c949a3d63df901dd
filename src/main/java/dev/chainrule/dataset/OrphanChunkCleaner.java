package dev.chainrule.dataset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At start, deletes the chunks of uploads that a crash interrupted before their dataset row was
 * committed. No upload is in progress then, so every chunk without a dataset is garbage.
 */
@Component
class OrphanChunkCleaner {

    private static final Logger log = LoggerFactory.getLogger(OrphanChunkCleaner.class);

    private final DatasetStore store;

    OrphanChunkCleaner(DatasetStore store) {
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void deleteOrphans() {
        int deleted = store.deleteOrphans();
        if (deleted > 0) {
            log.info("Deleted {} chunks of interrupted uploads", deleted);
        }
    }
}
