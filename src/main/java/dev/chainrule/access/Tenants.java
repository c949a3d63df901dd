package dev.chainrule.access;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;

@Service
public class Tenants {

    private final TenantRepository tenants;
    private final Quotas defaults;
    private final Clock clock = Clock.systemUTC();

    public Tenants(TenantRepository tenants, TenantQuotas quotas) {
        this.tenants = tenants;
        this.defaults = quotas.defaults();
    }

    @Transactional
    public TenantView create(TenantRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        List<Fault> faults = new ArrayList<>();
        if (name.isEmpty() || name.length() > 100) {
            faults.add(Fault.atPointer("/name", "name is required, 1 to 100 characters"));
        }
        Quotas quotas = request.quotas() == null ? new Quotas(null, null, null) : request.quotas();
        positive(faults, "/quotas/requestsPerMinute", quotas.requestsPerMinute());
        positive(faults, "/quotas/maxActiveJobs", quotas.maxActiveJobs());
        positive(faults, "/quotas/maxStorageBytes", quotas.maxStorageBytes());
        if (!faults.isEmpty()) {
            throw new InvalidInputException("invalid-tenant", "Invalid tenant",
                    DomainException.summary(faults, "The tenant request has invalid fields."), faults);
        }
        if (tenants.existsByName(name)) {
            throw new ConflictException("tenant-exists", "Tenant exists", "A tenant named '" + name + "' exists.");
        }
        return tenants.save(new Tenant(name, clock.instant(), quotas)).view(defaults);
    }

    /** The default tenant's admins see every tenant; another tenant's admins only their own. */
    @Transactional(readOnly = true)
    public List<TenantView> list(Caller caller) {
        return tenants.findAll().stream().filter(tenant -> caller.manages(tenant.id())).map(tenant -> tenant.view(defaults))
                .toList();
    }

    private static void positive(List<Fault> faults, String pointer, Number value) {
        if (value != null && value.longValue() < 1) {
            faults.add(Fault.atPointer(pointer, pointer.substring(pointer.lastIndexOf('/') + 1)
                    + " must be at least 1 (omit it for the default), got " + value));
        }
    }
}
