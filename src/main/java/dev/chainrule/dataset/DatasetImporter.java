package dev.chainrule.dataset;

import java.io.BufferedInputStream;
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
 * Turns an uploaded CSV into a stored dataset in one pass over the stream: every column is
 * profiled and spooled to a temporary file as it goes by (see {@link ColumnProfile}). Once the
 * whole file is known to be valid, the types are decided, each column's spool is copied into
 * chunks in a transaction of its own, and the dataset row is committed last: until then nothing
 * is visible, and a failure deletes the chunks written so far ({@link OrphanChunkCleaner} covers a
 * crash).
 */
@Service
class DatasetImporter {

    private static final Logger log = LoggerFactory.getLogger(DatasetImporter.class);
    private static final int MAX_NAME_LENGTH = 255;
    private static final int READ_BUFFER_BYTES = 256 * 1024;

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

    UUID importCsv(UUID tenant, UploadStream upload, String defaultName, UploadOptions options) {
        String name = validName(options.name() != null ? options.name() : defaultName);
        Task task = options.task() == null ? null : Task.fromJsonName(options.task()).orElseThrow(
                () -> DatasetProblems.invalidParameter("task",
                        "Parameter 'task' must be 'classification' or 'regression', not '" + options.task() + "'."));
        PhaseClock clock = new PhaseClock();
        try (ColumnSpools spools = new ColumnSpools()) {
            InputStream in = new BufferedInputStream(upload, READ_BUFFER_BYTES);
            char delimiter = options.delimiter() != null ? CsvSniffer.parseDelimiter(options.delimiter()) : sniff(in);
            CsvProfile profile;
            try (CsvRows rows = CsvRows.open(in, delimiter)) {
                profile = CsvProfiler.profile(rows, options.targetNames(), properties.maxCategories(), spools);
            }
            DatasetPlan plan = planner.plan(profile, task);
            PhaseClock.Lap parsed = clock.lap();
            UUID id = store(tenant, name, upload.count(), profile, plan);
            PhaseClock.Lap stored = clock.lap();
            log.info("Imported dataset {}: {} rows x {} columns, {} bytes; read and parsed at {} MB/s in {}, "
                    + "stored in {}", id, plan.rows(), plan.columns().size(), upload.count(),
                    parsed.rate(upload.count()), parsed, stored);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID store(UUID tenant, String name, long sourceBytes, CsvProfile profile, DatasetPlan plan) {
        UUID id = UUID.randomUUID();
        try {
            for (ColumnPlan column : plan.columns()) {
                transaction.executeWithoutResult(status -> ChunkCopier.copy(profile.columns().get(column.index()),
                        column, plan.rows(), properties.chunkRows(), store.writerFor(id)));
            }
            transaction.executeWithoutResult(status -> store.persist(
                    datasetRow(id, name, sourceBytes, plan).ownedBy(tenant)));
            return id;
        } catch (RuntimeException e) {
            transaction.executeWithoutResult(status -> store.deleteAll(id));
            throw e;
        }
    }

    private Dataset datasetRow(UUID id, String name, long sourceBytes, DatasetPlan plan) {
        Dataset dataset = new Dataset(id, name, plan.task(), plan.targetIndexes().get(0), plan.rows(), properties.chunkRows(),
                sourceBytes, OffsetDateTime.now(ZoneOffset.UTC));
        for (ColumnPlan column : plan.columns()) {
            dataset.addColumn(new DatasetColumn(column.index(), column.name(), column.type(), column.missing(),
                    column.summary(), column.categories(), plan.targetIndexes().contains(column.index())));
        }
        return dataset;
    }

    private static char sniff(InputStream in) throws IOException {
        in.mark(CsvSniffer.SNIFF_BYTES + 1);
        char delimiter = CsvSniffer.sniff(in);
        in.reset();
        return delimiter;
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
