package dev.chainrule.serving;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.encoding.FeatureEncoding;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.Precision;
import dev.chainrule.serving.KServeTypes.RequestInput;

/**
 * Turns the input tensors of an inference request into the network's encoded features. Raw columns go
 * through the job's own preprocessing (so they are imputed, scaled and one-hot encoded exactly as for
 * {@code /predictions}); an {@code input} tensor is taken as already encoded. Numbers are read as JSON
 * gives them, whatever the declared real type, so a call answers what the native API answers for the same
 * numbers; a null element of a numeric column is a missing value.
 */
final class InferenceInputs {

    private static final Set<String> REALS = Set.of("FP16", "FP32", "FP64");
    private static final Set<String> INTEGERS = Set.of("INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32",
            "UINT64");

    private InferenceInputs() {
    }

    static INDArray encode(List<RequestInput> inputs, ModelSignature signature, Preprocessing preprocessing,
            Precision precision, int maxInstances) {
        if (inputs == null || inputs.isEmpty()) {
            throw KServeException.badRequest("'inputs' must hold at least one tensor: " + expected(signature) + ".");
        }
        boolean encoded = signature.offersEncodedInput()
                && inputs.stream().anyMatch(i -> i != null && ModelSignature.ENCODED_INPUT.equals(i.name()));
        return encoded ? encoded(inputs, signature, precision, maxInstances)
                : columns(inputs, signature, preprocessing, precision, maxInstances);
    }

    private static INDArray columns(List<RequestInput> inputs, ModelSignature signature, Preprocessing preprocessing,
            Precision precision, int maxInstances) {
        Map<String, RequestInput> byName = new HashMap<>();
        for (RequestInput input : inputs) {
            Tensors.requireNamed(input);
            if (!signature.inputNames().contains(input.name())) {
                throw KServeException.badRequest("Unknown input '" + input.name() + "'; " + expected(signature) + ".");
            }
            if (byName.put(input.name(), input) != null) {
                throw KServeException.badRequest("Input '" + input.name() + "' is given twice.");
            }
        }
        List<FeatureEncoding> features = preprocessing.features();
        int rows = -1;
        List<List<Object>> columns = new ArrayList<>();
        for (FeatureEncoding feature : features) {
            RequestInput input = byName.get(feature.name());
            if (input == null) {
                throw KServeException.badRequest("Missing input '" + feature.name() + "'; " + expected(signature) + ".");
            }
            int n = Tensors.batchOfColumn(input, maxInstances);
            if (rows >= 0 && n != rows) {
                throw KServeException.badRequest("Input '" + input.name() + "' has " + n + " rows but '"
                        + features.get(0).name() + "' has " + rows + "; every column needs one value per row.");
            }
            rows = n;
            List<Object> values = Tensors.elements(input, n);
            if (feature instanceof FeatureEncoding.Numeric) {
                numbers(input, values, true);
            } else {
                strings(input, values);
            }
            columns.add(values);
        }
        List<List<Object>> instances = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            List<Object> row = new ArrayList<>(columns.size());
            for (List<Object> column : columns) {
                row.add(column.get(i));
            }
            instances.add(row);
        }
        return preprocessing.encodeInstances(instances, precision);
    }

    private static INDArray encoded(List<RequestInput> inputs, ModelSignature signature, Precision precision,
            int maxInstances) {
        if (inputs.size() != 1) {
            throw KServeException.badRequest("An 'input' tensor of encoded features comes alone, not beside other "
                    + "inputs.");
        }
        RequestInput input = inputs.get(0);
        List<Long> shape = input.shape();
        if (shape == null || shape.size() != 2 || shape.get(1) != signature.width()) {
            throw KServeException.badRequest("Input 'input' must have shape [N, " + signature.width()
                    + "] (the encoded feature width), got " + shape + ".");
        }
        if (!REALS.contains(input.datatype())) {
            throw KServeException.badRequest("Input 'input' holds encoded features: datatype FP32 or FP64, got "
                    + input.datatype() + ".");
        }
        int rows = Tensors.batch(shape.get(0), maxInstances);
        List<Object> values = Tensors.elements(input, rows * signature.width());
        numbers(input, values, false);
        double[] features = new double[values.size()];
        for (int i = 0; i < features.length; i++) {
            features[i] = ((Number) values.get(i)).doubleValue();
            if (!Double.isFinite(features[i])) {
                throw KServeException.badRequest("Input 'input' element " + i + " is not a finite number.");
            }
        }
        return Nd4j.create(features, new long[] {rows, signature.width()}, Network.dataType(precision));
    }

    private static void numbers(RequestInput input, List<Object> values, boolean missingAllowed) {
        boolean integral = INTEGERS.contains(input.datatype());
        if (!integral && !REALS.contains(input.datatype())) {
            throw KServeException.badRequest("Input '" + input.name() + "' is numeric: datatype FP32, FP64 or INT*, got "
                    + input.datatype() + ".");
        }
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            boolean fits = value == null ? missingAllowed
                    : value instanceof Number number && (!integral || isWhole(number));
            if (!fits) {
                throw KServeException.badRequest("Input '" + input.name() + "' element " + i + " must be "
                        + (integral ? "a whole number" : "a number") + (missingAllowed ? " or null (missing)" : "")
                        + " for datatype " + input.datatype() + ", got " + Tensors.describe(value) + ".");
            }
        }
    }

    private static void strings(RequestInput input, List<Object> values) {
        if (!ModelSignature.BYTES.equals(input.datatype())) {
            throw KServeException.badRequest("Input '" + input.name() + "' is categorical: datatype BYTES, got "
                    + input.datatype() + ".");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null && !(values.get(i) instanceof String)) {
                throw KServeException.badRequest("Input '" + input.name() + "' element " + i
                        + " must be a string or null (missing), got " + Tensors.describe(values.get(i)) + ".");
            }
        }
    }

    private static boolean isWhole(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger) {
            return true;
        }
        try {
            new BigDecimal(number.toString()).toBigIntegerExact();
            return true;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    private static String expected(ModelSignature signature) {
        return "the model takes " + String.join(", ", signature.inputNames())
                + (signature.offersEncodedInput() ? ", or one 'input' tensor of encoded features [N, "
                        + signature.width() + "]" : "");
    }
}
