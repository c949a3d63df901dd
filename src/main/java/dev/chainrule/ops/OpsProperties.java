package dev.chainrule.ops;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param runnerStaleAfter a runner whose last poll is older than this is reported DOWN: it is stuck
 *                         (a poll loop blocked on a lock, a dead scheduler thread)
 */
@ConfigurationProperties("chainrule.ops")
public record OpsProperties(@DefaultValue("2m") Duration runnerStaleAfter) {

    public OpsProperties {
        if (runnerStaleAfter.isNegative() || runnerStaleAfter.isZero()) {
            throw new IllegalArgumentException("chainrule.ops.runner-stale-after must be positive, got "
                    + runnerStaleAfter);
        }
    }
}
