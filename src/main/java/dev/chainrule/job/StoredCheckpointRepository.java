package dev.chainrule.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StoredCheckpointRepository extends JpaRepository<StoredCheckpoint, UUID> {

    /** Newest first: the first one is where a resume starts. */
    List<StoredCheckpoint> findByJobIdOrderByEpochDescBatchDesc(UUID jobId);

    Optional<StoredCheckpoint> findFirstByJobIdOrderByEpochDescBatchDesc(UUID jobId);

    List<StoredCheckpoint> findByJobIdOrderByEpoch(UUID jobId);

    /** Newest first, without the trainer state. */
    @Query("select new dev.chainrule.job.CheckpointSummary(c.id, c.epoch, c.batch, c.createdAt, c.best, c.score, "
            + "c.metrics) from StoredCheckpoint c where c.jobId = :jobId order by c.epoch desc, c.batch desc")
    List<CheckpointSummary> findSummariesNewestFirst(@Param("jobId") UUID jobId);

    /** Epoch-boundary checkpoints in {@code (afterEpoch, throughEpoch]}, oldest first, without the trainer state. */
    @Query("select new dev.chainrule.job.CheckpointSummary(c.id, c.epoch, c.batch, c.createdAt, c.best, c.score, "
            + "c.metrics) from StoredCheckpoint c where c.jobId = :jobId and c.batch = 0 "
            + "and c.epoch > :afterEpoch and c.epoch <= :throughEpoch order by c.epoch")
    List<CheckpointSummary> findEpochSummaries(@Param("jobId") UUID jobId, @Param("afterEpoch") int afterEpoch,
            @Param("throughEpoch") int throughEpoch);

    /** Marks {@code bestId} (null: none) as the job's best checkpoint and every other one as not. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update StoredCheckpoint c set c.best = case when c.id = :bestId then true else false end "
            + "where c.jobId = :jobId")
    int markBest(@Param("jobId") UUID jobId, @Param("bestId") UUID bestId);
}
