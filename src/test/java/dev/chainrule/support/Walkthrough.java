package dev.chainrule.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a documented bash block exactly as printed (only the port differs) against the packaged jar,
 * so that documentation cannot drift from what the service does.
 */
public final class Walkthrough {

    private static final String LOCAL = "http://localhost:8080";

    private Walkthrough() {
    }

    /** Whether bash and curl, which the blocks need, are on the PATH. */
    public static boolean toolsAvailable() {
        return onPath("bash") && onPath("curl");
    }

    /** The first bash block after {@code heading} in the Markdown file at {@code markdown}. */
    public static String script(Path markdown, String heading) throws IOException {
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        int at = text.indexOf(heading);
        assertThat(at).as("%s has a '%s' section", markdown, heading).isNotNegative();
        int start = text.indexOf("```bash\n", at) + "```bash\n".length();
        int end = text.indexOf("\n```", start);
        String script = text.substring(start, end);
        assertThat(script).contains(LOCAL);
        return script;
    }

    /**
     * Starts the packaged service in {@code workDir}, runs {@code script} there with {@code bash -e}, and
     * answers what it printed once it has ended with status 0 within {@code limit}. The script runs beside
     * the service's {@code ./data} (where it reads {@code admin.key}), with the repository's
     * {@code examples/} linked in: as from the repository root after {@code spring-boot:run}.
     */
    public static String run(String name, String script, Path workDir, Duration limit) throws Exception {
        String jar = System.getProperty("chainrule.jar");
        assertThat(jar).as("system property chainrule.jar (set by the failsafe configuration)").isNotBlank();
        try (ServiceProcess service = ServiceProcess.start(name, Path.of(jar), workDir, Map.of(),
                List.of("--chainrule.data-dir=" + workDir.resolve("data")))) {
            service.awaitHealthy(Duration.ofMinutes(4));
            Files.createSymbolicLink(workDir.resolve("examples"), Path.of("examples").toAbsolutePath());
            Path output = workDir.resolve(name + ".out");
            Process walk = new ProcessBuilder("bash", "-e", "-c", script.replace(LOCAL, service.baseUrl()))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = walk.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                walk.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(finished).as("the walk-through finished in time; it printed:%n%s", printed).isTrue();
            assertThat(walk.exitValue()).as(printed).isZero();
            return printed;
        }
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
