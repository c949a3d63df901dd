package dev.chainrule.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    List<ApiKey> findByPrefix(String prefix);

    List<ApiKey> findByTenantIdOrderByCreatedAt(UUID tenantId);

    boolean existsBySecretHash(String secretHash);

    /** Writes only when the stored time is older than {@code staleBefore}: at most one write a minute per key. */
    @Modifying
    @Query("update ApiKey k set k.lastUsedAt = :now where k.id = :id "
            + "and (k.lastUsedAt is null or k.lastUsedAt < :staleBefore)")
    int touch(@Param("id") UUID id, @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);
}
