package dev.chainrule.job;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * Job rows. Every state change is one conditional UPDATE whose row count says whether it won, so
 * that several service instances on one database never train the same job twice.
 */
interface JobRepository extends JpaRepository<Job, UUID> {

    Optional<Job> findByIdAndTenantId(UUID id, UUID tenantId);

    boolean existsByIdAndTenantId(UUID id, UUID tenantId);

    Page<Job> findByTenantId(UUID tenantId, Pageable pageable);

    Page<Job> findByTenantIdAndStatus(UUID tenantId, JobStatus status, Pageable pageable);

    long countByTenantIdAndStatusIn(UUID tenantId, Collection<JobStatus> statuses);

    boolean existsByDatasetIdAndStatusIn(UUID datasetId, Collection<JobStatus> statuses);

    @Query("select j.id from Job j where j.status = dev.chainrule.job.JobStatus.RUNNING and j.heartbeatAt < :cutoff "
            + "order by j.priority desc, j.createdAt, j.id")
    List<UUID> findAbandoned(@Param("cutoff") Instant cutoff, Pageable pageable);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Job j set j.status = dev.chainrule.job.JobStatus.RUNNING, j.owner = :owner, j.heartbeatAt = :now, "
            + "j.startedAt = coalesce(j.startedAt, :now) "
            + "where j.id = :id and (j.status = dev.chainrule.job.JobStatus.QUEUED "
            + "or (j.status = dev.chainrule.job.JobStatus.RUNNING and j.heartbeatAt < :cutoff))")
    int claim(@Param("id") UUID id, @Param("owner") String owner, @Param("now") Instant now,
            @Param("cutoff") Instant cutoff);

    /**
     * Reports that the owner still trains the job. Zero rows means it must stop: the job was cancelled
     * or taken over, so one round trip both proves ownership and carries a cancel.
     */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Job j set j.heartbeatAt = :now, j.step = :step, j.progress = :progress "
            + "where j.id = :id and j.owner = :owner and j.status = dev.chainrule.job.JobStatus.RUNNING")
    int heartbeat(@Param("id") UUID id, @Param("owner") String owner, @Param("now") Instant now,
            @Param("step") long step, @Param("progress") double progress);

    /**
     * The step and progress of a job this owner runs, for its followers; only ever forward, so a
     * value read before an epoch's write never lands after it.
     */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Job j set j.step = :step, j.progress = :progress "
            + "where j.id = :id and j.owner = :owner and j.status = dev.chainrule.job.JobStatus.RUNNING "
            + "and j.step < :step")
    int reportProgress(@Param("id") UUID id, @Param("owner") String owner, @Param("step") long step,
            @Param("progress") double progress);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Job j set j.heartbeatAt = :now, j.epoch = :epoch, j.step = :step, j.progress = :progress, "
            + "j.samplesPerSecond = :samplesPerSecond, j.metrics = :metrics "
            + "where j.id = :id and j.owner = :owner and j.status = dev.chainrule.job.JobStatus.RUNNING")
    int recordEpoch(@Param("id") UUID id, @Param("owner") String owner, @Param("now") Instant now,
            @Param("epoch") int epoch, @Param("step") long step, @Param("progress") double progress,
            @Param("samplesPerSecond") double samplesPerSecond, @Param("metrics") StoredMetrics metrics);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Job j set j.status = :status, j.error = :error, j.finishedAt = :now, j.owner = null "
            + "where j.id = :id and j.owner = :owner and j.status = dev.chainrule.job.JobStatus.RUNNING")
    int finish(@Param("id") UUID id, @Param("owner") String owner, @Param("status") JobStatus status,
            @Param("error") String error, @Param("now") Instant now);

    /** Hands a running job back to the queue (graceful shutdown); any instance may resume it. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Job j set j.status = dev.chainrule.job.JobStatus.QUEUED, j.owner = null, j.heartbeatAt = null "
            + "where j.id = :id and j.owner = :owner and j.status = dev.chainrule.job.JobStatus.RUNNING")
    int requeue(@Param("id") UUID id, @Param("owner") String owner);

    /**
     * Cancels a queued or running job at once. A running job's owner learns of it from its next
     * heartbeat or epoch write, which then match no row, and stops without writing.
     */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Job j set j.status = dev.chainrule.job.JobStatus.CANCELLED, j.finishedAt = :now, "
            + "j.cancelRequested = true, j.owner = null where j.id = :id "
            + "and j.status in (dev.chainrule.job.JobStatus.QUEUED, dev.chainrule.job.JobStatus.RUNNING)")
    int cancel(@Param("id") UUID id, @Param("now") Instant now);

    @Query("select j.status, count(j) from Job j group by j.status")
    List<Object[]> countByStatus();
}
