package dev.chainrule.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The packaged service running as a separate {@code java -jar} process, as in production: its
 * output goes to a log file, it is stopped gracefully on {@link #close()} or killed with SIGKILL.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Supplier<String> adminKey;

    private ServiceProcess(String name, Process process, int port, Path log, Supplier<String> adminKey) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.adminKey = adminKey;
    }

    /**
     * @param environment added to this process's environment (profile, datasource, ...)
     * @param arguments   Spring arguments such as {@code --chainrule.runner.lease=4s}
     */
    public static ServiceProcess start(String name, Path jar, Path workDir, Map<String, String> environment,
                                       List<String> arguments) throws IOException {
        int port = freePort();
        Path log = workDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: starts faster, and training runs in native code anyway.
                "-Xmx512m", "-Dorg.bytedeco.javacpp.maxbytes=1g", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        builder.environment().putAll(environment);
        return new ServiceProcess(name, builder.start(), port, log, adminKey(workDir, environment, arguments));
    }

    /**
     * The default tenant's admin key, as the process finds it: CHAINRULE_ADMIN_KEY, else the file it
     * generated into its data directory on the first start (read when a request is sent).
     */
    private static Supplier<String> adminKey(Path workDir, Map<String, String> environment, List<String> arguments) {
        String configured = environment.getOrDefault("CHAINRULE_ADMIN_KEY",
                argument(arguments, "--chainrule.security.admin-key=", null));
        if (configured != null) {
            return () -> configured;
        }
        String dataDir = environment.getOrDefault("CHAINRULE_DATA_DIR",
                argument(arguments, "--chainrule.data-dir=", "data"));
        Path file = workDir.resolve(dataDir).resolve("admin.key");
        return () -> {
            try {
                return Files.exists(file) ? Files.readString(file).strip() : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static String argument(List<String> arguments, String prefix, String otherwise) {
        return arguments.stream().filter(argument -> argument.startsWith(prefix))
                .map(argument -> argument.substring(prefix.length())).findFirst().orElse(otherwise);
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The default tenant's admin key, as this process found it. */
    public String adminKey() {
        return adminKey.get();
    }

    /** The shared test client, over HTTP to this process. */
    public ApiClient api() {
        return ApiClient.at(baseUrl()).withKey(adminKey);
    }

    public String name() {
        return name;
    }

    /** Waits until {@code /actuator/health} answers 200, failing early if the process dies. */
    public void awaitHealthy(Duration timeout) throws Exception {
        ApiClient api = api();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + ":\n" + logTail());
    }

    /** Whether {@code /actuator/health} answers 200 now. */
    public boolean isHealthy() {
        try {
            return process.isAlive() && api().get("/actuator/health").status() == 200;
        } catch (RuntimeException notListening) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no graceful stop, exactly like a crashed machine. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /**
     * When the first log line containing {@code text} was written, read from the line's leading
     * timestamp (Spring Boot's default console pattern); empty while there is none.
     */
    public Optional<Instant> loggedAt(String text) throws IOException {
        return log().lines().filter(line -> line.contains(text)).findFirst()
                .map(line -> OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant());
    }

    public String logTail() {
        try {
            String text = log();
            return text.substring(Math.max(0, text.length() - 6000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
