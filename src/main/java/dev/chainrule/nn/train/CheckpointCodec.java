package dev.chainrule.nn.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.optim.OptimizerState;

/**
 * The bytes of a {@link TrainerCheckpoint}: versioned, every vector written in its own precision
 * (floats for float32 training, doubles for float64, parameters and optimizer moments alike) so that
 * restoring is bit-exact.
 */
final class CheckpointCodec {

    private static final int MAGIC = 0x43524B50; // "CRKP"
    /** Version 2 adds the network's state vector (batch norm's running statistics); 1 reads as no state. */
    private static final int VERSION = 2;

    private CheckpointCodec() {
    }

    /** Everything a checkpoint restores. */
    record Contents(INDArray parameters, INDArray state, OptimizerState optimizer, Progress progress, double best,
            int bestEpoch, int epochsWithoutImprovement, INDArray bestParameters, INDArray bestState) {
    }

    static TrainerCheckpoint encode(INDArray parameters, INDArray state, OptimizerState optimizer, Progress progress,
            EarlyStoppingTracker tracker) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeVector(out, parameters);
            writeOptionalVector(out, state);
            out.writeLong(optimizer.steps());
            out.writeInt(optimizer.buffers().size());
            for (INDArray buffer : optimizer.buffers()) {
                writeVector(out, buffer);
            }
            out.writeInt(progress.epochsCompleted);
            out.writeInt(progress.batchesIntoEpoch);
            out.writeLong(progress.step);
            out.writeDouble(progress.lossSum);
            out.writeDouble(progress.metricSum);
            out.writeLong(progress.samplesSeen);
            out.writeDouble(tracker.best);
            out.writeInt(tracker.bestEpoch);
            out.writeInt(tracker.epochsWithoutImprovement);
            out.writeBoolean(tracker.bestParameters != null);
            if (tracker.bestParameters != null) {
                writeVector(out, tracker.bestParameters);
                writeOptionalVector(out, tracker.bestState);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrainerCheckpoint(progress.epochsCompleted, progress.batchesIntoEpoch, bytes.toByteArray());
    }

    static Contents decode(TrainerCheckpoint checkpoint) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(checkpoint.payload()))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a training checkpoint");
            }
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                throw new IllegalArgumentException("unsupported checkpoint version " + version);
            }
            boolean withState = version >= 2;
            INDArray parameters = readVector(in);
            INDArray state = withState ? readOptionalVector(in) : null;
            long steps = in.readLong();
            int bufferCount = in.readInt();
            if (bufferCount < 0 || bufferCount > 8) {
                throw new IllegalArgumentException("corrupt checkpoint (" + bufferCount + " optimizer buffers)");
            }
            List<INDArray> buffers = new ArrayList<>();
            for (int i = 0; i < bufferCount; i++) {
                buffers.add(readVector(in));
            }
            Progress progress = new Progress();
            progress.epochsCompleted = in.readInt();
            progress.batchesIntoEpoch = in.readInt();
            progress.step = in.readLong();
            progress.lossSum = in.readDouble();
            progress.metricSum = in.readDouble();
            progress.samplesSeen = in.readLong();
            double best = in.readDouble();
            int bestEpoch = in.readInt();
            int wait = in.readInt();
            INDArray bestParameters = null;
            INDArray bestState = null;
            if (in.readBoolean()) {
                bestParameters = readVector(in);
                bestState = withState ? readOptionalVector(in) : null;
            }
            return new Contents(parameters, state, new OptimizerState(steps, buffers), progress, best, bestEpoch, wait,
                    bestParameters, bestState);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated training checkpoint", e);
        }
    }

    private static void writeOptionalVector(DataOutputStream out, INDArray vector) throws IOException {
        out.writeBoolean(vector != null);
        if (vector != null) {
            writeVector(out, vector);
        }
    }

    private static INDArray readOptionalVector(DataInputStream in) throws IOException {
        return in.readBoolean() ? readVector(in) : null;
    }

    /** A type flag, the length, then the values in their own precision. */
    private static void writeVector(DataOutputStream out, INDArray vector) throws IOException {
        boolean doubles = vector.dataType() == DataType.DOUBLE;
        out.writeBoolean(doubles);
        out.writeInt((int) vector.length());
        // the big-endian bytes DataOutputStream would write value by value, in one bulk conversion:
        // a snapshot is taken every epoch, which for a small network is a few milliseconds of work
        ByteBuffer bytes = ByteBuffer.allocate((int) vector.length() * (doubles ? Double.BYTES : Float.BYTES));
        if (doubles) {
            bytes.asDoubleBuffer().put(vector.toDoubleVector());
        } else {
            bytes.asFloatBuffer().put(vector.toFloatVector());
        }
        out.write(bytes.array());
    }

    private static INDArray readVector(DataInputStream in) throws IOException {
        boolean doubles = in.readBoolean();
        int length = in.readInt();
        if (length < 0 || length > in.available() / (doubles ? 8 : 4)) {
            throw new IllegalArgumentException("corrupt checkpoint (vector of " + length + " values)");
        }
        if (doubles) {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = in.readDouble();
            }
            return Nd4j.createFromArray(values);
        }
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = in.readFloat();
        }
        return Nd4j.createFromArray(values);
    }
}
