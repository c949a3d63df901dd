package dev.chainrule.support;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh PostgreSQL database with the application's schema (every Flyway migration applied) and
 * nothing else, on the run's {@link PostgresServer}: for tests of SQL that runs against the real
 * schema without starting the service. Dropped on {@link #close()}.
 */
public final class MigratedPostgres implements AutoCloseable {

    private final TestDatabase database;
    private final DataSource dataSource;

    private MigratedPostgres(TestDatabase database) {
        this.database = database;
        this.dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password());
    }

    public static MigratedPostgres create() {
        MigratedPostgres postgres = new MigratedPostgres(PostgresServer.get().createDatabase());
        Flyway.configure().dataSource(postgres.dataSource).locations("classpath:db/migration").load().migrate();
        return postgres;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        database.close();
    }
}
