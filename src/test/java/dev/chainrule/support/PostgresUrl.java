package dev.chainrule.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A {@code jdbc:postgresql://host:port/database?params} URL taken apart just enough to point it at
 * another database and to hand user and password to a connection pool explicitly.
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {

    private static final String PREFIX = "jdbc:postgresql://";

    public static PostgresUrl parse(String jdbcUrl) {
        if (!jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException(PostgresServer.URL_VARIABLE + " must start with " + PREFIX
                    + ", got " + jdbcUrl);
        }
        return new PostgresUrl(jdbcUrl, parameter(jdbcUrl, "user", "postgres"), parameter(jdbcUrl, "password", ""));
    }

    /** The same server, user and parameters, but database {@code name}. */
    public PostgresUrl withDatabase(String name) {
        int hostStart = PREFIX.length();
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        int hostEnd = slash >= 0 && (query < 0 || slash < query) ? slash : (query >= 0 ? query : jdbcUrl.length());
        String rest = query >= 0 ? jdbcUrl.substring(query) : "";
        return new PostgresUrl(jdbcUrl.substring(0, hostEnd) + "/" + name + rest, user, password);
    }

    private static String parameter(String url, String key, String fallback) {
        int query = url.indexOf('?');
        if (query < 0) {
            return fallback;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return fallback;
    }
}
