package dev.chainrule.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server named by {@code CHAINRULE_TEST_POSTGRES_URL} (for example
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}): a JDBC URL to a maintenance
 * database from which the tests may create and drop their own databases.
 */
public final class PostgresServer {

    public static final String URL_VARIABLE = "CHAINRULE_TEST_POSTGRES_URL";

    private final PostgresUrl maintenanceUrl;

    private PostgresServer(PostgresUrl maintenanceUrl) {
        this.maintenanceUrl = maintenanceUrl;
    }

    /** The configured server, or empty when the variable is unset (the tests are then skipped). */
    public static Optional<PostgresServer> configured() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            url = System.getProperty(URL_VARIABLE);
        }
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new PostgresServer(PostgresUrl.parse(url.trim())));
    }

    /**
     * Creates a fresh, empty database named {@code chainrule_test_<random>}. Fails (rather than
     * skips) when the server is unreachable: setting the variable is a request to run these tests.
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
            throw new IllegalStateException(URL_VARIABLE + " is set to " + maintenanceUrl.jdbcUrl()
                    + " but '" + sql + "' failed there (is the server running? try pg_isready): "
                    + e.getMessage(), e);
        }
    }
}
