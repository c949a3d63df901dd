package dev.chainrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.chainrule.support.Walkthrough;

/**
 * Runs the README's walk-through exactly as printed (only the port differs) against the packaged
 * jar, so the documentation cannot drift from what the service does.
 */
class ReadmeWalkthroughIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void theWalkthroughWorksAsPrinted() throws Exception {
        assumeTrue(Walkthrough.toolsAvailable(), "the walk-through needs bash and curl");
        String script = Walkthrough.script(Path.of("README.md"), "## Walk-through");

        String printed = Walkthrough.run("readme", script, workDir, Duration.ofSeconds(90));

        assertThat(printed)
                .contains("\"status\":\"succeeded\"")
                .contains("\"epoch\":40")
                .contains("\"predictions\":[{\"label\":\"0\"")
                .contains("{\"label\":\"2\"");
    }
}
