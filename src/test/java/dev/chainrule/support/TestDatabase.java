package dev.chainrule.support;

/** A database created for one test run; {@link #close()} drops it. */
public final class TestDatabase implements AutoCloseable {

    private final PostgresServer server;
    private final PostgresUrl url;
    private final String name;

    TestDatabase(PostgresServer server, PostgresUrl url, String name) {
        this.server = server;
        this.url = url;
        this.name = name;
    }

    public String jdbcUrl() {
        return url.jdbcUrl();
    }

    public String user() {
        return url.user();
    }

    public String password() {
        return url.password();
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
