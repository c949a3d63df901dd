package dev.chainrule.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, with a message saying how to run it, when no PostgreSQL server is configured;
 * otherwise makes sure the run's shared database is dropped when the whole test run ends.
 */
public class PostgresDatabaseExtension implements ExecutionCondition, BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PostgresDatabaseExtension.class);

    private static final String SKIPPED = "PostgreSQL tests skipped: " + PostgresServer.URL_VARIABLE
            + " is not set (for example jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres; .ci/run sets it)";
    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PostgresServer.configured().isEmpty()) {
            // Surefire's console shows only a count of skipped tests: say once why.
            if (ANNOUNCED.compareAndSet(false, true)) {
                System.err.println("WARNING: " + SKIPPED);
            }
            return ConditionEvaluationResult.disabled(SKIPPED);
        }
        return ConditionEvaluationResult.enabled(PostgresServer.URL_VARIABLE + " is set");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store is closed once, after the last test of the run: that is when the shared
        // database (and the Spring contexts cached on it) may go.
        context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedPostgresDatabase.class, key -> SharedPostgresDatabase.dropper(),
                        AutoCloseable.class);
    }
}
