package dev.chainrule.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.PostgresTest;
import dev.chainrule.support.Reply;

/**
 * The application starts on a real PostgreSQL server: every migration of the repository applies,
 * Hibernate validates every entity against the result, and health reports the database UP.
 */
@PostgresTest
class PostgresSchemaTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @LocalServerPort
    int port;

    @Test
    void runsOnPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            assertThat(connection.getCatalog()).startsWith("chainrule_test_");
        }
    }

    @Test
    void everyMigrationInTheRepositoryIsApplied() throws Exception {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getScript).toList())
                .containsAll(migrationScriptsInSources());
    }

    @Test
    void healthIsUpWithThePostgresqlDatabase() throws Exception {
        Reply response = get("/actuator/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"database\":\"PostgreSQL\"");
    }

    @Test
    void jobsByStateAreCountedOnPostgresql() throws Exception {
        Reply response = get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        // NaN would mean the grouped count failed on this database.
        assertThat(response.body()).containsPattern("chainrule_jobs\\{application=\"chainrule\",state=\"running\"} \\d");
    }

    private Reply get(String path) {
        return ApiClient.atPort(port).get(path);
    }

    /** Read from the source tree, so a migration that Flyway did not pick up cannot go unnoticed. */
    private static List<String> migrationScriptsInSources() throws Exception {
        Path root = Path.of("src/main/resources/db/migration");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .filter(file -> file.getParent().equals(root) || file.getParent().endsWith("postgresql"))
                    .map(file -> file.getFileName().toString())
                    .toList();
        }
    }
}
