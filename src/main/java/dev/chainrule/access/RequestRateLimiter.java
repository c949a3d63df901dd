package dev.chainrule.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Each tenant's {@code requestsPerMinute}, as a token bucket per tenant held in this instance's
 * memory: a burst of a minute's requests, refilled evenly over the minute. Several instances each
 * allow the quota, so behind N instances a tenant gets up to N times it (docs/security.md). A
 * tenant's quota is read again at most every {@link #QUOTA_REFRESH}, so a changed quota applies
 * within it.
 */
@Component
public class RequestRateLimiter {

    static final Duration QUOTA_REFRESH = Duration.ofMinutes(1);

    private final TenantQuotas quotas;
    private final Clock clock = Clock.systemUTC();
    private final Map<UUID, TenantBucket> buckets = new ConcurrentHashMap<>();

    RequestRateLimiter(TenantQuotas quotas) {
        this.quotas = quotas;
    }

    /** Takes one request from the tenant's bucket: empty when allowed, else how long until one is. */
    public Optional<Duration> refusal(UUID tenant) {
        Instant now = clock.instant();
        TenantBucket bucket = buckets.compute(tenant, (id, held) -> held != null && held.freshAt(now) ? held
                : TenantBucket.of(quotas.of(id).requestsPerMinute(), held, now));
        ConsumptionProbe probe = bucket.bucket().tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private record TenantBucket(int perMinute, Bucket bucket, Instant readAt) {

        /** A new bucket when the quota changed; the same one (its tokens kept) when it did not. */
        static TenantBucket of(int perMinute, TenantBucket held, Instant now) {
            if (held != null && held.perMinute == perMinute) {
                return new TenantBucket(perMinute, held.bucket, now);
            }
            Bucket bucket = Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build();
            return new TenantBucket(perMinute, bucket, now);
        }

        boolean freshAt(Instant now) {
            return now.isBefore(readAt.plus(QUOTA_REFRESH));
        }
    }
}
