package dev.chainrule.serving;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PublicationRepository extends JpaRepository<Publication, UUID> {

    Optional<Publication> findFirstByTenantIdAndNameOrderByVersionDesc(UUID tenantId, String name);

    Optional<Publication> findByTenantIdAndNameAndVersion(UUID tenantId, String name, int version);

    @Query("select p.version from Publication p where p.tenantId = :tenant and p.name = :name order by p.version")
    List<Integer> findVersions(@Param("tenant") UUID tenant, @Param("name") String name);

    @Query("select coalesce(max(p.version), 0) from Publication p where p.tenantId = :tenant and p.name = :name")
    int findLatestVersion(@Param("tenant") UUID tenant, @Param("name") String name);
}
