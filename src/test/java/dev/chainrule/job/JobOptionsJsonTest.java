package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** Options stored with a job are read back as they were written, also those stored by earlier versions. */
class JobOptionsJsonTest {

    private final JobOptionsJson json = new JobOptionsJson(JsonMapper.builder().build());

    @Test
    void optionsStoredBeforeTheOptionTypesWereSplitStillRead() {
        String stored = "{\"epochs\":30,\"batchSize\":16,\"optimizer\":{\"type\":\"rmsprop\",\"learningRate\":0.01,"
                + "\"momentum\":0.0,\"epsilon\":1.0E-8,\"alpha\":0.99,\"weightDecay\":0.0},"
                + "\"schedule\":{\"type\":\"step\",\"stepSize\":10,\"gamma\":0.1},\"validationSplit\":0.2,"
                + "\"shuffle\":true,\"seed\":5,\"standardize\":true,\"dtype\":\"float32\",\"earlyStopping\":"
                + "{\"metric\":\"val_accuracy\",\"patience\":5,\"minDelta\":0.0,\"restoreBest\":false},"
                + "\"checkpointEvery\":2}";

        JobOptions options = json.read(stored);

        assertThat(options.optimizer()).isEqualTo(new OptimizerOptions.RmsProp(0.01, 0.0, 1e-8, 0.99, 0.0));
        assertThat(options.schedule()).isEqualTo(new ScheduleOptions.Step(10, 0.1));
        assertThat(options.earlyStopping().metric()).isEqualTo("val_accuracy");
        assertThat(json.write(options)).isEqualTo(stored);
    }

    @Test
    void everyOptimizerAndScheduleSurvivesTheRoundTrip() {
        for (OptimizerOptions optimizer : new OptimizerOptions[] { new OptimizerOptions.Sgd(0.1, 0.9, true, 0.0),
                new OptimizerOptions.Adam(null, null, null, null, null).withDefaults() }) {
            for (ScheduleOptions schedule : new ScheduleOptions[] { new ScheduleOptions.Constant(),
                    new ScheduleOptions.Exponential(0.5), new ScheduleOptions.Cosine(7, 0.001) }) {
                JobOptions options = new JobOptions(3, 8, optimizer, schedule, 0, false, 1, false, "float64", null, 1, 60L, true, null, null, null);
                assertThat(json.read(json.write(options))).isEqualTo(options);
            }
        }
    }
}
