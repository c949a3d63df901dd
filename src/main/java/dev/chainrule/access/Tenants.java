package dev.chainrule.access;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;

@Service
public class Tenants {

    private final TenantRepository tenants;
    private final Clock clock = Clock.systemUTC();

    public Tenants(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Transactional
    public TenantView create(TenantRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new InvalidInputException("invalid-tenant", "Invalid tenant", "The tenant request has invalid fields.",
                    List.of(Fault.atPointer("/name", "name is required, 1 to 100 characters")));
        }
        if (tenants.existsByName(name)) {
            throw new ConflictException("tenant-exists", "Tenant exists", "A tenant named '" + name + "' exists.");
        }
        return tenants.save(new Tenant(name, clock.instant())).view();
    }

    /** The default tenant's admins see every tenant; another tenant's admins only their own. */
    @Transactional(readOnly = true)
    public List<TenantView> list(Caller caller) {
        return tenants.findAll().stream().filter(tenant -> caller.manages(tenant.id())).map(Tenant::view).toList();
    }
}
