package dev.chainrule.job;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JobArtifactRepository extends JpaRepository<JobArtifact, UUID> {

    @Query("select a.version from JobArtifact a where a.jobId = :jobId")
    Optional<Long> findVersion(@Param("jobId") UUID jobId);
}
