package dev.chainrule.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code chainrule.quotas.*}: the quotas of a tenant that does not set its own. */
@ConfigurationProperties("chainrule.quotas")
public record QuotaProperties(Integer requestsPerMinute, Integer maxActiveJobs, DataSize maxStorage) {

    public QuotaProperties {
        requestsPerMinute = requestsPerMinute == null ? 6000 : requestsPerMinute;
        maxActiveJobs = maxActiveJobs == null ? 1000 : maxActiveJobs;
        maxStorage = maxStorage == null ? DataSize.ofGigabytes(100) : maxStorage;
        if (requestsPerMinute < 1 || maxActiveJobs < 1 || maxStorage.toBytes() < 1) {
            throw new IllegalArgumentException("chainrule.quotas.* must be positive");
        }
    }

    Quotas defaults() {
        return new Quotas(requestsPerMinute, maxActiveJobs, maxStorage.toBytes());
    }
}
