package dev.chainrule.job;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LayerTelemetryRepository extends JpaRepository<LayerTelemetryRecord, UUID> {

    /** Ordered by epoch, then layer; {@code layer} null for every layer. */
    @Query("""
            select t from LayerTelemetryRecord t
            where t.jobId = :jobId and t.epoch >= :fromEpoch and (:layer is null or t.layer = :layer)
            order by t.epoch, t.layer""")
    List<LayerTelemetryRecord> find(@Param("jobId") UUID jobId, @Param("fromEpoch") int fromEpoch,
            @Param("layer") Integer layer);

    /** The epochs {@code afterEpoch < epoch <= throughEpoch}, ordered by epoch, then layer. */
    @Query("""
            select t from LayerTelemetryRecord t
            where t.jobId = :jobId and t.epoch > :afterEpoch and t.epoch <= :throughEpoch
            order by t.epoch, t.layer""")
    List<LayerTelemetryRecord> findBetween(@Param("jobId") UUID jobId, @Param("afterEpoch") int afterEpoch,
            @Param("throughEpoch") int throughEpoch);
}
