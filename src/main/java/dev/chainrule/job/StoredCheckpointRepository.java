package dev.chainrule.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredCheckpointRepository extends JpaRepository<StoredCheckpoint, UUID> {

    /** Newest first: the first one is where a resume starts. */
    List<StoredCheckpoint> findByJobIdOrderByEpochDescBatchDesc(UUID jobId);

    Optional<StoredCheckpoint> findFirstByJobIdOrderByEpochDescBatchDesc(UUID jobId);

    List<StoredCheckpoint> findByJobIdOrderByEpoch(UUID jobId);
}
