package dev.chainrule.job;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JobArtifactRepository extends JpaRepository<JobArtifact, UUID> {

    @Query("select a.version from JobArtifact a where a.jobId = :jobId")
    Optional<Long> findVersion(@Param("jobId") UUID jobId);

    /** Replaces the current parameters without reading the stored ones (or the preprocessing) first. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update JobArtifact a set a.parameters = :parameters, a.version = a.version + 1 where a.jobId = :jobId")
    int replaceParameters(@Param("jobId") UUID jobId, @Param("parameters") byte[] parameters);
}
