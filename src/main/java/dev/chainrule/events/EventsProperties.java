package dev.chainrule.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code chainrule.events.*}: how job event streams are fed. One poller reads the database every
 * {@code pollInterval} for all open streams; a stream idle for {@code keepAlive} gets a comment line;
 * at most {@code maxStreams} are open on this instance (beyond: 503 with {@code retryAfter}); a client
 * that lets more than {@code maxQueuedBytes} pile up unsent is dropped; a replay reads at most
 * {@code replayBatch} epochs per poll.
 */
@Validated
@ConfigurationProperties("chainrule.events")
public record EventsProperties(
        @DefaultValue("250ms") @NotNull Duration pollInterval,
        @DefaultValue("15s") @NotNull Duration keepAlive,
        @DefaultValue("500") @Min(1) @Max(100_000) int maxStreams,
        @DefaultValue("1048576") @Min(4096) long maxQueuedBytes,
        @DefaultValue("200") @Min(1) @Max(10_000) int replayBatch,
        @DefaultValue("5s") @NotNull Duration retryAfter) {
}
