package dev.chainrule.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.job.TrainedModel;
import dev.chainrule.job.TrainedModels;
import dev.chainrule.job.TrainedParametersChanged;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.WeightInit;

/**
 * Requests served from the model cache while the job's parameters change version under them: every
 * answer is exactly what the version it names computes, and once a change is pushed, no answer names
 * an older version. Each version is a network with other weights (its seed is the version).
 */
class ConcurrentPredictionTest {

    private static final INDArray INPUT = Nd4j.create(new float[][] {{0.3f, -1.2f, 0.7f, 2.0f}});

    private static Network network(long version) {
        return Network.create(new NetworkSpec(4, List.of(new LayerSpec.Dense(16, Activation.RELU),
                new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.HE_UNIFORM, version, 0),
                Precision.FLOAT32);
    }

    /** The database: the current version, and a model built afresh on every load. */
    static final class ChangingModels implements TrainedModels {
        final AtomicLong version = new AtomicLong(1);

        @Override
        public long currentVersion(UUID jobId) {
            return version.get();
        }

        @Override
        public TrainedModel load(UUID jobId) {
            long current = version.get();
            return new TrainedModel(jobId, current, network(current), mock(Preprocessing.class));
        }
    }

    @Test
    void answersMatchTheirVersionWhileTheVersionChanges() throws Exception {
        ChangingModels models = new ChangingModels();
        TrainedModelCache cache = new TrainedModelCache(models, new PredictionLimits(100, 100, 4, Duration.ofHours(1)));
        UUID job = UUID.randomUUID();
        int versions = 40;
        Map<Long, float[]> expected = new ConcurrentHashMap<>();
        for (long v = 1; v <= versions; v++) {
            expected.put(v, network(v).predict(INPUT).toFloatVector());
        }
        List<String> wrong = new CopyOnWriteArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong pushed = new AtomicLong(1);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new java.util.ArrayList<>();
            for (int c = 0; c < 8; c++) {
                answers.add(clients.submit(() -> {
                    int count = 0;
                    while (!done.get()) {
                        long atLeast = pushed.get();
                        TrainedModel model = cache.get(job);
                        float[] answer;
                        synchronized (model.network()) {
                            answer = model.network().predict(INPUT).toFloatVector();
                        }
                        if (model.version() < atLeast) {
                            wrong.add("version " + model.version() + " after version " + atLeast + " was pushed");
                        }
                        if (!java.util.Arrays.equals(answer, expected.get(model.version()))) {
                            wrong.add("version " + model.version() + " answered another version's numbers");
                        }
                        count++;
                    }
                    return count;
                }));
            }
            for (long v = 2; v <= versions; v++) {
                Thread.sleep(5);
                models.version.set(v);
                cache.changed(new TrainedParametersChanged(job)); // after the commit, as the recorder does
                pushed.set(v);
            }
            Thread.sleep(20);
            done.set(true);
            int total = 0;
            for (Future<Integer> answer : answers) {
                total += answer.get();
            }
            assertThat(total).isGreaterThan(versions);
        } finally {
            clients.shutdownNow();
        }

        assertThat(wrong).isEmpty();
        assertThat(cache.get(job).version()).isEqualTo(versions);
    }
}
