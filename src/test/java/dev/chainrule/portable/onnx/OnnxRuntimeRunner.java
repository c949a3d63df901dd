package dev.chainrule.portable.onnx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Runs an exported model in ONNX Runtime on raw rows: numeric columns as float (NaN when missing),
 * categorical ones as strings, each [rows, 1], exactly what a client of the file would send.
 */
public final class OnnxRuntimeRunner implements AutoCloseable {

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;

    public OnnxRuntimeRunner(byte[] model) throws OrtException {
        this.session = environment.createSession(model, new OrtSession.SessionOptions());
    }

    public OrtSession session() {
        return session;
    }

    /** Outputs by name: float[][] or double[][] for probabilities and values, long[] and String[] for labels. */
    public Map<String, Object> run(Map<String, float[]> numeric, Map<String, String[]> categorical)
            throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            for (Map.Entry<String, float[]> column : numeric.entrySet()) {
                float[][] values = new float[column.getValue().length][1];
                for (int i = 0; i < values.length; i++) {
                    values[i][0] = column.getValue()[i];
                }
                inputs.put(column.getKey(), OnnxTensor.createTensor(environment, values));
            }
            for (Map.Entry<String, String[]> column : categorical.entrySet()) {
                inputs.put(column.getKey(), OnnxTensor.createTensor(environment, column.getValue(),
                        new long[] {column.getValue().length, 1}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                Map<String, Object> outputs = new HashMap<>();
                for (Map.Entry<String, OnnxValue> output : result) {
                    outputs.put(output.getKey(), output.getValue().getValue());
                }
                return outputs;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    public List<String> inputNames() throws OrtException {
        return List.copyOf(session.getInputNames());
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
