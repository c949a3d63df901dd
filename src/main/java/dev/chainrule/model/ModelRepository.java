package dev.chainrule.model;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelRepository extends JpaRepository<ModelEntity, UUID> {

    Optional<ModelEntity> findByIdAndTenantId(UUID id, UUID tenantId);

    Page<ModelEntity> findByTenantId(UUID tenantId, Pageable page);

    boolean existsByIdAndTenantId(UUID id, UUID tenantId);
}
