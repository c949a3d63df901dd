package dev.chainrule.dataset;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and storage layout of uploaded datasets ({@code chainrule.datasets.*}).
 *
 * @param maxUploadSize largest accepted CSV, raw body or multipart file (larger: 413)
 * @param maxCategories most distinct values a categorical column (or a classification target) may have
 * @param autoClassificationMaxClasses a numeric target with integer values and at most this many
 *        distinct values is inferred to be a classification target
 * @param chunkRows values per stored column chunk
 * @param maxPageRows largest {@code limit} of the rows endpoint
 * @param decodedCacheSize decoded datasets kept in memory across jobs, at most a quarter of the heap
 */
@Validated
@ConfigurationProperties("chainrule.datasets")
record DatasetProperties(
        @DefaultValue("2GB") DataSize maxUploadSize,
        @DefaultValue("1000") @Min(2) int maxCategories,
        @DefaultValue("20") @Min(2) int autoClassificationMaxClasses,
        @DefaultValue("65536") @Min(1) @Max(16_777_216) int chunkRows,
        @DefaultValue("1000") @Min(1) int maxPageRows,
        @DefaultValue("256MB") DataSize decodedCacheSize) {

    /** The cache's budget in bytes: as configured, but never more than a quarter of the heap. */
    long decodedCacheBytes() {
        return Math.min(decodedCacheSize.toBytes(), Runtime.getRuntime().maxMemory() / 4);
    }
}
