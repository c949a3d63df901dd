package dev.chainrule.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of a network's parameters: a magic number, a version, then per layer the weight
 * matrix shape and its doubles (row-major) and the bias. Version 2 starts each layer with its kind
 * (0: weights and bias; 1: batch norm's gamma, beta, running mean and running variance); version 1,
 * dense layers only, is still read. Doubles hold float32 values exactly, so a round trip loses nothing.
 */
public final class ParameterCodec {

    private static final int MAGIC = 0x43525031; // "CRP1"
    private static final int VERSION = 2;
    private static final int DENSE = 0;
    private static final int BATCH_NORM = 1;
    private static final int MAX_ELEMENTS = 1 << 28;

    private ParameterCodec() {
    }

    public static byte[] encode(List<LayerParameters> layers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(layers.size());
            for (LayerParameters layer : layers) {
                if (layer.ofBatchNorm()) {
                    out.writeInt(BATCH_NORM);
                    for (double[] v : new double[][] {layer.gamma(), layer.beta(), layer.runningMean(),
                            layer.runningVar()}) {
                        writeVector(out, v);
                    }
                    continue;
                }
                out.writeInt(DENSE);
                double[][] w = layer.weights();
                int columns = w.length == 0 ? 0 : w[0].length;
                out.writeInt(w.length);
                out.writeInt(columns);
                for (double[] row : w) {
                    if (row.length != columns) {
                        throw new IllegalArgumentException("weights must be rectangular");
                    }
                    for (double v : row) {
                        out.writeDouble(v);
                    }
                }
                writeVector(out, layer.bias());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not parameters written by {@link #encode} */
    public static List<LayerParameters> decode(byte[] encoded) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not an encoded parameter set");
            }
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                throw new IllegalArgumentException("unsupported parameter encoding version " + version);
            }
            int count = checkedCount(in.readInt());
            List<LayerParameters> layers = new ArrayList<>(count);
            for (int l = 0; l < count; l++) {
                int kind = version == 1 ? DENSE : in.readInt();
                if (kind == BATCH_NORM) {
                    layers.add(LayerParameters.batchNorm(readVector(in), readVector(in), readVector(in),
                            readVector(in)));
                    continue;
                }
                if (kind != DENSE) {
                    throw new IllegalArgumentException("corrupt parameter encoding (layer kind " + kind + ")");
                }
                int rows = checkedCount(in.readInt());
                int columns = checkedCount(in.readInt());
                if ((long) rows * columns > MAX_ELEMENTS) {
                    throw new IllegalArgumentException("layer " + (l + 1) + " is too large");
                }
                double[][] w = new double[rows][columns];
                for (double[] row : w) {
                    for (int c = 0; c < columns; c++) {
                        row[c] = in.readDouble();
                    }
                }
                layers.add(new LayerParameters(w, readVector(in)));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("trailing bytes after the encoded parameters");
            }
            return layers;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated parameter encoding", e);
        }
    }

    private static void writeVector(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readVector(DataInputStream in) throws IOException {
        double[] values = new double[checkedCount(in.readInt())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    private static int checkedCount(int value) {
        if (value < 0 || value > MAX_ELEMENTS) {
            throw new IllegalArgumentException("corrupt parameter encoding (count " + value + ")");
        }
        return value;
    }
}
