package dev.chainrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.chainrule.support.ServiceProcess;

/**
 * Runs the README's walk-through exactly as printed (only the port differs) against the packaged
 * jar, so the documentation cannot drift from what the service does.
 */
class ReadmeWalkthroughIT {

    private static final String HEADING = "## Walk-through";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void theWalkthroughWorksAsPrinted() throws Exception {
        assumeTrue(onPath("bash") && onPath("curl"), "the walk-through needs bash and curl");
        String script = walkthroughScript(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertThat(script).contains("http://localhost:8080");

        String jar = System.getProperty("chainrule.jar");
        assertThat(jar).as("system property chainrule.jar (set by the failsafe configuration)").isNotBlank();
        try (ServiceProcess service = ServiceProcess.start("readme", Path.of(jar), workDir, Map.of(),
                List.of("--chainrule.data-dir=" + workDir.resolve("data")))) {
            service.awaitHealthy(Duration.ofMinutes(4));
            // The script runs beside the service's ./data (where it reads admin.key), with the
            // repository's examples/ linked in: as from the repository root after `spring-boot:run`.
            Files.createSymbolicLink(workDir.resolve("examples"), Path.of("examples").toAbsolutePath());
            Path output = workDir.resolve("walkthrough.out");
            Process walk = new ProcessBuilder("bash", "-e", "-c",
                    script.replace("http://localhost:8080", service.baseUrl()))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = walk.waitFor(90, TimeUnit.SECONDS);
            if (!finished) {
                walk.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(finished).as("the walk-through finished in time; it printed:%n%s", printed).isTrue();
            assertThat(walk.exitValue()).as(printed).isZero();
            assertThat(printed)
                    .contains("\"status\":\"succeeded\"")
                    .contains("\"epoch\":40")
                    .contains("\"predictions\":[{\"label\":\"0\"")
                    .contains("{\"label\":\"2\"");
        }
    }

    /** The first bash block after the walk-through heading. */
    static String walkthroughScript(String readme) {
        int heading = readme.indexOf(HEADING);
        assertThat(heading).as("README has a '%s' section", HEADING).isNotNegative();
        int start = readme.indexOf("```bash\n", heading) + "```bash\n".length();
        int end = readme.indexOf("\n```", start);
        return readme.substring(start, end);
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
