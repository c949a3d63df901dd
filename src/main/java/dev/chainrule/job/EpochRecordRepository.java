package dev.chainrule.job;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface EpochRecordRepository extends JpaRepository<EpochRecord, UUID> {

    List<EpochRecord> findByJobIdOrderByEpoch(UUID jobId);

    boolean existsByJobIdAndEpoch(UUID jobId, int epoch);

    List<EpochRecord> findByJobIdAndEpochGreaterThanOrderByEpoch(UUID jobId, int epoch, Pageable page);
}
