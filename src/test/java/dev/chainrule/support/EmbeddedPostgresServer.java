package dev.chainrule.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of the test JVM's own, from the PostgreSQL binaries published on Maven Central
 * ({@code io.zonky.test.postgres}), for machines where no server is configured. Started once per JVM
 * on a free port and stopped, its data directory deleted, when the JVM exits.
 *
 * <p>initdb and postgres refuse to run as root. When the build runs as root, the library starts them
 * in a new user namespace ({@code unshare -U}), where the same process is an unprivileged user; that
 * needs a kernel and container that allow user namespaces.
 */
final class EmbeddedPostgresServer {

    /** Where the binaries are unpacked (once, reused by later runs) and the data directories live. */
    static final String DIRECTORY_PROPERTY = "chainrule.test.postgres.dir";

    // Throwaway data: durability costs time and buys nothing here.
    private static final Map<String, String> SERVER_SETTINGS =
            Map.of("fsync", "off", "full_page_writes", "off", "synchronous_commit", "off");

    private EmbeddedPostgresServer() {
    }

    /** Starts a server and answers the JDBC URL of its maintenance database {@code postgres}. */
    static String start() {
        File directory = directory();
        // The library cleans up data directories that a killed JVM left behind (with their server)
        // in its working directory only: keep ours there.
        System.setProperty("ot.epg.working-dir", directory.getPath());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(new File(directory, UUID.randomUUID().toString()))
                .setCleanDataDirectory(true)
                // The machine's locale may not be installed for PostgreSQL; C sorts by bytes everywhere.
                .setLocaleConfig("locale", "C")
                .setPGStartupWait(Duration.ofMinutes(2));
        SERVER_SETTINGS.forEach(builder::setServerConfig);
        try {
            EmbeddedPostgres server = builder.start();
            return server.getJdbcUrl("postgres", "postgres");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL server under " + directory
                    + " for the PostgreSQL tests (see the initdb/postgres output above). As root this needs user "
                    + "namespaces ('unshare -U id' must work); otherwise run as an unprivileged user, or set "
                    + PostgresServer.URL_VARIABLE + " to a server where the tests may create databases. Cause: "
                    + e, e);
        }
    }

    private static File directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        Path directory = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "chainrule-embedded-postgres")
                : Path.of(configured);
        try {
            return Files.createDirectories(directory.toAbsolutePath()).toFile();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory + " for the embedded PostgreSQL server", e);
        }
    }
}
