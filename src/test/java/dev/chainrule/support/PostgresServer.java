package dev.chainrule.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the tests create their databases on: the one named by
 * {@code CHAINRULE_TEST_POSTGRES_URL} (for example {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres},
 * a maintenance database from which databases may be created and dropped) when it is set, else an
 * embedded server that this JVM starts. Either way the PostgreSQL tests run; none is skipped.
 */
public final class PostgresServer {

    public static final String URL_VARIABLE = "CHAINRULE_TEST_POSTGRES_URL";

    private static PostgresServer instance;

    private final PostgresUrl maintenanceUrl;
    private final String description;

    private PostgresServer(PostgresUrl maintenanceUrl, String description) {
        this.maintenanceUrl = maintenanceUrl;
        this.description = description;
    }

    /** The run's server; the embedded one is started on the first call. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            String configured = configuredUrl();
            instance = configured != null
                    ? new PostgresServer(PostgresUrl.parse(configured), URL_VARIABLE + "=" + configured)
                    : embedded();
            // Surefire's console shows no test names: say once where these tests ran.
            System.out.println("PostgreSQL tests run on " + instance.description);
        }
        return instance;
    }

    private static PostgresServer embedded() {
        long started = System.nanoTime();
        String url = EmbeddedPostgresServer.start();
        return new PostgresServer(PostgresUrl.parse(url), "an embedded PostgreSQL server at " + url + " (" + URL_VARIABLE
                + " is not set; started in " + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    private static String configuredUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            url = System.getProperty(URL_VARIABLE);
        }
        return url == null || url.isBlank() ? null : url.trim();
    }

    /**
     * Creates a fresh, empty database named {@code chainrule_test_<random>}. Fails when the server is
     * unreachable: a configured server is a request to run these tests there.
     */
    public TestDatabase createDatabase() {
        String name = "chainrule_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return new TestDatabase(this, maintenanceUrl.withDatabase(name), name);
    }

    void drop(String database) {
        // FORCE (PostgreSQL 13+) ends sessions a killed or still-running process left open.
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(maintenanceUrl.jdbcUrl(),
                maintenanceUrl.user(), maintenanceUrl.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on " + description
                    + " (is the server running? try pg_isready): " + e.getMessage(), e);
        }
    }
}
