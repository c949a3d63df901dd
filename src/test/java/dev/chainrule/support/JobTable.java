package dev.chainrule.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * What the process-level tests read from the job table directly: the API does not say which
 * instance holds a running job.
 */
public final class JobTable {

    /** A job that an instance is training, and how many epochs it has recorded. */
    public record Running(String job, int epoch) {
    }

    private final TestDatabase database;

    public JobTable(TestDatabase database) {
        this.database = database;
    }

    /** The instance that holds the job, or null while it is queued or once it has ended. */
    public String owner(String job) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT owner FROM job WHERE id = ?")) {
            query.setObject(1, UUID.fromString(job));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** The job {@code owner} is training now, if any. */
    public Optional<Running> runningOn(String owner) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT id, epoch FROM job WHERE owner = ? AND status = 'RUNNING'")) {
            query.setString(1, owner);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Running(row.getString(1), row.getInt(2))) : Optional.empty();
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
