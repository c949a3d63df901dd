package dev.chainrule.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an uploaded CSV into a stored dataset in two passes over the (on-disk) upload: the first
 * checks and profiles every column without touching the database, the second encodes the rows and
 * writes the chunks. The second pass and the dataset row share one transaction, so a failure
 * leaves nothing behind.
 */
@Service
class DatasetImporter {

    private static final Logger log = LoggerFactory.getLogger(DatasetImporter.class);
    private static final int MAX_NAME_LENGTH = 255;

    private final DatasetStore store;
    private final DatasetProperties properties;
    private final SchemaPlanner planner;
    private final TransactionTemplate transaction;

    DatasetImporter(DatasetStore store, DatasetProperties properties, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.properties = properties;
        this.planner = new SchemaPlanner(properties);
        this.transaction = new TransactionTemplate(transactionManager);
    }

    UUID importCsv(CsvUpload upload, UploadOptions options) {
        String name = validName(options.name() != null ? options.name() : upload.defaultName());
        Task task = options.task() == null ? null : Task.fromJsonName(options.task()).orElseThrow(
                () -> DatasetProblems.invalidParameter("task",
                        "Parameter 'task' must be 'classification' or 'regression', not '" + options.task() + "'."));
        char delimiter = options.delimiter() != null ? CsvSniffer.parseDelimiter(options.delimiter()) : sniff(upload);
        long start = System.nanoTime();
        CsvProfile profile;
        try (CsvRows rows = open(upload, delimiter)) {
            profile = CsvProfiler.profile(rows, options.target(), properties.maxCategories());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DatasetPlan plan = planner.plan(profile, task);
        long profiled = System.nanoTime();
        UUID id = transaction.execute(status -> store(upload, name, delimiter, plan));
        long stored = System.nanoTime();
        log.info("Imported dataset {}: {} rows x {} columns, {} bytes; profile {} MB/s, encode+store {} MB/s",
                id, plan.rows(), plan.columns().size(), upload.size(), megabytesPerSecond(upload.size(), profiled - start),
                megabytesPerSecond(upload.size(), stored - profiled));
        return id;
    }

    private static long megabytesPerSecond(long bytes, long nanos) {
        return Math.round(bytes / 1e6 / Math.max(nanos, 1) * 1e9);
    }

    private UUID store(CsvUpload upload, String name, char delimiter, DatasetPlan plan) {
        UUID id = UUID.randomUUID();
        Dataset dataset = new Dataset(id, name, plan.task(), plan.targetIndex(), plan.rows(), properties.chunkRows(),
                upload.size(), OffsetDateTime.now(ZoneOffset.UTC));
        for (ColumnPlan column : plan.columns()) {
            dataset.addColumn(new DatasetColumn(column.index(), column.name(), column.type(), column.missing(),
                    column.summary(), column.categories()));
        }
        store.persist(dataset);
        try (CsvRows rows = open(upload, delimiter)) {
            ChunkEncoder.encode(rows, plan, properties.chunkRows(), store.writerFor(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }

    private static char sniff(CsvUpload upload) {
        try (InputStream in = upload.source().getInputStream()) {
            return CsvSniffer.sniff(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvRows open(CsvUpload upload, char delimiter) throws IOException {
        return CsvRows.open(upload.source().getInputStream(), delimiter);
    }

    private static String validName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw DatasetProblems.invalidParameter("name",
                    "Parameter 'name' must have 1 to " + MAX_NAME_LENGTH + " characters.");
        }
        return trimmed;
    }
}
