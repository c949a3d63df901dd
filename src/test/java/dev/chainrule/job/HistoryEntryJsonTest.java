package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** A history entry keeps its flat shape: the metrics sit beside the epoch, not in an object of their own. */
class HistoryEntryJsonTest {

    @Test
    void metricsAreWrittenInlineAndAbsentOnesLeftOut() {
        HistoryEntry entry = new HistoryEntry(2, new MetricsView(0.5, 0.25, 0.75, 0.5, null, null), 0.01, 7);

        assertThat(JsonMapper.builder().build().writeValueAsString(entry)).isEqualTo(
                "{\"epoch\":2,\"loss\":0.5,\"valLoss\":0.25,\"accuracy\":0.75,\"valAccuracy\":0.5,"
                        + "\"learningRate\":0.01,\"durationMs\":7}");
    }
}
