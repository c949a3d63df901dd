package dev.chainrule.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure the run's shared PostgreSQL database is dropped when the whole test run ends, after
 * the Spring contexts that use it have been closed.
 */
public class PostgresDatabaseExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store is closed once, after the last test of the run: that is when the shared
        // database (and the Spring contexts cached on it) may go.
        context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedPostgresDatabase.class, key -> SharedPostgresDatabase.dropper(),
                        AutoCloseable.class);
    }
}
