package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.chainrule.nn.Network;
import dev.chainrule.nn.train.EpochMetrics;
import dev.chainrule.nn.train.Metric;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.TrainingListener;
import dev.chainrule.nn.train.TrainingOutcome;

/**
 * The protocol between one job's execution, the trainer and the recorder, with the trainer played
 * by a script: which epochs get a checkpoint, and what a stop request leaves written.
 */
class JobExecutionTest {

    private static final UUID JOB = UUID.randomUUID();
    private static final JobOptions FIVE_EPOCHS_CHECKPOINT_EVERY_TWO = new JobOptions(5, 32,
            new OptimizerOptions.Adam(null, null, null, null, null).withDefaults(), new ScheduleOptions.Constant(), 0.2,
            true, 0, true, "float32", null, 2, null, true, null, null, null);

    private final JobPreparer preparer = mock(JobPreparer.class);
    private final Trainer trainer = mock(Trainer.class);
    private final JobRecorder recorder = mock(JobRecorder.class);
    private final JobExecution execution = new JobExecution(JOB, "here", preparer, trainer, recorder);
    private final AtomicInteger encoded = new AtomicInteger();

    @BeforeEach
    void prepared() {
        when(preparer.prepare(JOB)).thenReturn(new PreparedJob(FIVE_EPOCHS_CHECKPOINT_EVERY_TWO, mock(Network.class),
                null, null, null, null, null, null));
        when(recorder.recordEpoch(eq(JOB), eq("here"), any(), any(), anyLong(), anyDouble(), any(), any(), any()))
                .thenReturn(true);
        when(recorder.finish(any(), any(), any(), any(), any())).thenReturn(true);
    }

    /** The trainer's part: runs {@code epochs} epochs unless stopped, then reports how it ended. */
    private void trainerRuns(int epochs, Function<TrainingListener, TrainingOutcome.Status> ending) {
        when(trainer.train(any(), any(), any(), any(), any(), any(), any())).thenAnswer(call -> {
            TrainingListener listener = call.getArgument(4);
            for (int epoch = 1; epoch <= epochs && !listener.stopRequested(); epoch++) {
                int done = epoch;
                listener.onEpoch(new EpochMetrics(epoch, 1.0 / epoch, 0.5, null, null, null, null, 0.001, 3, 100), List.of(),
                        () -> {
                            encoded.incrementAndGet();
                            return new TrainerCheckpoint(done, 0, new byte[] { (byte) done });
                        });
            }
            TrainingOutcome.Status status = ending.apply(listener);
            return new TrainingOutcome(status, epochs, null, null, new TrainerCheckpoint(epochs, 1, new byte[0]), null);
        });
    }

    @Test
    void aCheckpointIsEncodedOnlyForTheEpochsItIsDue() {
        trainerRuns(5, listener -> TrainingOutcome.Status.COMPLETED);

        execution.run();

        ArgumentCaptor<TrainerCheckpoint> checkpoints = ArgumentCaptor.forClass(TrainerCheckpoint.class);
        verify(recorder, times(5)).recordEpoch(eq(JOB), eq("here"), any(), any(), anyLong(), anyDouble(),
                checkpoints.capture(), any(), eq(Metric.VAL_LOSS));
        List<Integer> withCheckpoint = new ArrayList<>();
        for (TrainerCheckpoint checkpoint : checkpoints.getAllValues()) {
            if (checkpoint != null) {
                withCheckpoint.add(checkpoint.epochsCompleted());
            }
        }
        assertThat(withCheckpoint).containsExactly(2, 4, 5);
        assertThat(encoded).hasValue(3);
        verify(recorder).finish(eq(JOB), eq("here"), eq(JobStatus.SUCCEEDED), isNull(), any());
    }

    @Test
    void aCancelStopsTrainingAtTheNextBatchAndWritesNoEnding() {
        trainerRuns(5, listener -> {
            execution.cancel();
            return listener.stopRequested() ? TrainingOutcome.Status.STOPPED : TrainingOutcome.Status.COMPLETED;
        });

        execution.run();

        verify(recorder, never()).finish(any(), any(), any(), any(), any());
        verify(recorder, never()).suspend(any(), any(), any());
    }

    @Test
    void anEpochThatCouldNotBeWrittenStopsTrainingWithoutAnEnding() {
        when(recorder.recordEpoch(eq(JOB), eq("here"), any(), any(), anyLong(), anyDouble(), any(), any(), any()))
                .thenReturn(false);
        trainerRuns(5, listener -> TrainingOutcome.Status.STOPPED);

        execution.run();

        verify(recorder).recordEpoch(eq(JOB), eq("here"), any(), any(), anyLong(), anyDouble(), any(), any(), any());
        verify(recorder, never()).finish(any(), any(), any(), any(), any());
    }

    @Test
    void aShutdownHandsTheJobBackWithWhereItStopped() {
        trainerRuns(5, listener -> {
            execution.shutDown();
            return TrainingOutcome.Status.STOPPED;
        });

        execution.run();

        ArgumentCaptor<TrainerCheckpoint> stoppedAt = ArgumentCaptor.forClass(TrainerCheckpoint.class);
        verify(recorder).suspend(eq(JOB), eq("here"), stoppedAt.capture());
        assertThat(stoppedAt.getValue().epochsCompleted()).isEqualTo(5);
        assertThat(stoppedAt.getValue().batchesIntoEpoch()).isEqualTo(1);
        verify(recorder, never()).finish(any(), any(), any(), any(), any());
    }
}
