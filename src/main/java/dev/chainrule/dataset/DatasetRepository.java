package dev.chainrule.dataset;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import org.springframework.data.jpa.repository.JpaRepository;

interface DatasetRepository extends JpaRepository<Dataset, UUID> {

    Optional<Dataset> findByIdAndTenantId(UUID id, UUID tenantId);

    Page<Dataset> findByTenantId(UUID tenantId, Pageable page);

    boolean existsByIdAndTenantId(UUID id, UUID tenantId);

    @Query("select coalesce(sum(d.sourceBytes), 0) from Dataset d where d.tenantId = :tenant")
    long storedBytes(@Param("tenant") UUID tenant);
}
