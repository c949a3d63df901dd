package dev.chainrule.access;

import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The quotas in force for a tenant, for the features that enforce them (jobs, datasets, the rate limit). */
@Service
@EnableConfigurationProperties(QuotaProperties.class)
public class TenantQuotas {

    private final TenantRepository tenants;
    private final Quotas defaults;

    TenantQuotas(TenantRepository tenants, QuotaProperties properties) {
        this.tenants = tenants;
        this.defaults = properties.defaults();
    }

    /** A tenant that does not exist (any more) gets the defaults: its keys are refused anyway. */
    @Transactional(readOnly = true)
    public Quotas of(UUID tenant) {
        return tenants.findById(tenant).map(found -> found.quotas(defaults)).orElse(defaults);
    }

    Quotas defaults() {
        return defaults;
    }
}
