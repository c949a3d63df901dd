package dev.chainrule.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one database per test run that all {@link PostgresTest} classes share, so that they also
 * share one cached Spring context. Created on first use, dropped when the run ends.
 */
final class SharedPostgresDatabase {

    private static TestDatabase database;
    private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

    private SharedPostgresDatabase() {
    }

    static synchronized TestDatabase get() {
        if (database == null) {
            database = PostgresServer.get().createDatabase();
        }
        return database;
    }

    static synchronized void usedBy(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    static AutoCloseable dropper() {
        return SharedPostgresDatabase::dropAll;
    }

    private static synchronized void dropAll() {
        // Close the contexts first, so their pools and job runners stop before the database goes.
        CONTEXTS.forEach(ConfigurableApplicationContext::close);
        CONTEXTS.clear();
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
