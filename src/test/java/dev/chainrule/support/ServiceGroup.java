package dev.chainrule.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Service processes of one test, the packaged jar in given roles, sharing one PostgreSQL database
 * and runner settings. Each process's instance id is its name; every process started is stopped on
 * {@link #close()}, killed ones included (a no-op for them).
 */
public final class ServiceGroup implements AutoCloseable {

    private final Path jar;
    private final Path workDir;
    private final TestDatabase database;
    private final List<String> runnerSettings;
    private final List<ServiceProcess> started = new ArrayList<>();

    /** @param runnerSettings Spring arguments every process gets, such as {@code --chainrule.runner.lease=4s} */
    public ServiceGroup(Path jar, Path workDir, TestDatabase database, List<String> runnerSettings) {
        this.jar = jar;
        this.workDir = workDir;
        this.database = database;
        this.runnerSettings = runnerSettings;
    }

    /** Starts {@code name} in {@code role} ({@code api}, {@code worker} or {@code all}) without waiting for it. */
    public ServiceProcess start(String name, String role) throws IOException {
        Path dir = Files.createDirectories(workDir.resolve(name));
        List<String> arguments = new ArrayList<>(List.of("--chainrule.role=" + role,
                "--chainrule.runner.instance-id=" + name));
        arguments.addAll(runnerSettings);
        ServiceProcess process = ServiceProcess.start(name, jar, dir, Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "SPRING_DATASOURCE_URL", database.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", database.user(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "CHAINRULE_DATA_DIR", dir.resolve("data").toString()), arguments);
        started.add(process);
        return process;
    }

    /** The jar the build packaged, named by the failsafe configuration. */
    public static Path packagedJar() {
        String jar = System.getProperty("chainrule.jar");
        if (jar == null || jar.isBlank()) {
            throw new IllegalStateException("system property chainrule.jar is not set (the failsafe configuration sets it)");
        }
        return Path.of(jar);
    }

    @Override
    public void close() throws InterruptedException {
        for (ServiceProcess process : started) {
            process.close();
        }
    }
}
