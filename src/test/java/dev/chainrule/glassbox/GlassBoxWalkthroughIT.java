package dev.chainrule.glassbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.chainrule.support.Walkthrough;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs docs/glass-box.md's walk-through as printed against the packaged jar: XOR 2-2-1 gets all four
 * patterns right, the 8-3-8 encoder reproduces all eight, and the step endpoint's layer-0
 * activations show eight distinct binary hidden codes.
 */
class GlassBoxWalkthroughIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void xorAndTheEncoderLearnAsIn1986() throws Exception {
        assumeTrue(Walkthrough.toolsAvailable(), "the walk-through needs bash and curl");
        String script = Walkthrough.script(Path.of("docs", "glass-box.md"), "## Walk-through");

        String printed = Walkthrough.run("glass-box", script, workDir, Duration.ofMinutes(5));

        List<JsonNode> predictions = new ArrayList<>();
        JsonNode step = null;
        for (String line : printed.split("\n")) {
            if (line.startsWith("{\"jobId\"")) {
                predictions.add(JSON.readTree(line).path("predictions"));
            } else if (line.startsWith("{\"loss\"")) {
                step = JSON.readTree(line);
            }
        }
        assertThat(predictions).as(printed).hasSize(2);
        assertThat(labels(predictions.get(0))).containsExactly("0", "1", "1", "0");
        assertThat(labels(predictions.get(1))).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
        assertThat(step).as(printed).isNotNull();
        JsonNode hidden = step.path("layers").get(0).path("a");
        Set<String> codes = new HashSet<>();
        for (JsonNode row : hidden) {
            StringBuilder code = new StringBuilder();
            row.forEach(unit -> code.append(unit.asDouble() > 0.5 ? '1' : '0'));
            codes.add(code.toString());
        }
        assertThat(hidden.size()).isEqualTo(8);
        assertThat(codes).as("hidden codes of %s", hidden).hasSize(8);
    }

    private static List<String> labels(JsonNode predictions) {
        List<String> labels = new ArrayList<>();
        predictions.forEach(p -> labels.add(p.path("label").asString()));
        return labels;
    }
}
