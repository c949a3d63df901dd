package dev.chainrule.nn;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.Kernels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One fixture of {@code src/test/resources/parity/cures/} (made by {@code make_cures_parity.py}
 * there): a model in the service's JSON form, its initial parameters in the form of a model's
 * {@code parameters}, one batch and PyTorch's numbers.
 */
public final class CuresFixture {

    public final String name;
    public final JsonNode json;
    public final NetworkSpec spec;
    public final List<LayerParameters> initial;
    public final INDArray x;
    public final INDArray y;
    public final int[] classes;

    private CuresFixture(String name, JsonNode json) {
        this.name = name;
        this.json = json;
        JsonNode model = json.get("model");
        Loss loss = Loss.fromJsonName(model.get("loss").asString()).orElseThrow();
        spec = new NetworkSpec(model.get("inputs").asInt(), layers(model.get("layers")), loss, WeightInit.TORCH_DEFAULT,
                0, 0);
        initial = parameters(json.get("initial_parameters"));
        x = Nd4j.createFromArray(matrix(json.get("batch").get("x")));
        JsonNode labels = json.get("batch").get("y");
        if (loss == Loss.CROSS_ENTROPY) {
            int outputs = ((LayerSpec.Dense) spec.layers().get(spec.layers().size() - 1)).units();
            double[][] oneHot = new double[labels.size()][outputs];
            classes = new int[labels.size()];
            for (int i = 0; i < labels.size(); i++) {
                classes[i] = labels.get(i).asInt();
                oneHot[i][classes[i]] = 1;
            }
            y = Nd4j.createFromArray(oneHot);
        } else {
            classes = null;
            y = Nd4j.createFromArray(matrix(labels));
        }
    }

    public static List<CuresFixture> all() {
        File[] files = new File("src/test/resources/parity/cures").listFiles((dir, n) -> n.endsWith(".json"));
        List<CuresFixture> fixtures = new ArrayList<>();
        for (File file : files) {
            fixtures.add(new CuresFixture(file.getName().replace(".json", ""), new ObjectMapper().readTree(file)));
        }
        fixtures.sort((a, b) -> a.name.compareTo(b.name));
        return fixtures;
    }

    public Network network(Kernels kernels) {
        return Network.create(spec, Precision.FLOAT64, initial, kernels);
    }

    @Override
    public String toString() {
        return name;
    }

    static List<LayerSpec> layers(JsonNode layers) {
        List<LayerSpec> specs = new ArrayList<>();
        for (JsonNode layer : layers) {
            specs.add(switch (layer.get("type").asString()) {
                case "dense" -> new LayerSpec.Dense(layer.get("units").asInt(),
                        Activation.fromJsonName(layer.get("activation").asString()).orElseThrow());
                case "batch_norm" -> new LayerSpec.BatchNorm(layer.get("momentum").asDouble(),
                        layer.get("epsilon").asDouble());
                case "residual" -> new LayerSpec.Residual(layers(layer.get("layers")),
                        layer.get("projection").asBoolean());
                default -> throw new IllegalArgumentException(layer.toString());
            });
        }
        return specs;
    }

    /** Entries in the model's {@code parameters} form. */
    public static List<LayerParameters> parameters(JsonNode entries) {
        List<LayerParameters> parameters = new ArrayList<>();
        for (JsonNode e : entries) {
            parameters.add(e.has("gamma")
                    ? LayerParameters.batchNorm(vector(e.get("gamma")), vector(e.get("beta")),
                            vector(e.get("runningMean")), vector(e.get("runningVar")))
                    : new LayerParameters(matrix(e.get("weights")), vector(e.get("bias"))));
        }
        return parameters;
    }

    /** Every value of the entries in flat order: weights row-major then bias, or gamma, beta, mean, var. */
    public static double[] flatten(List<LayerParameters> entries) {
        List<Double> values = new ArrayList<>();
        for (LayerParameters p : entries) {
            if (p.ofBatchNorm()) {
                for (double[] v : new double[][] {p.gamma(), p.beta(), p.runningMean(), p.runningVar()}) {
                    for (double d : v) {
                        values.add(d);
                    }
                }
            } else {
                for (double[] row : p.weights()) {
                    for (double d : row) {
                        values.add(d);
                    }
                }
                for (double d : p.bias()) {
                    values.add(d);
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public static double[] vector(JsonNode values) {
        return ParityTest.vector(values);
    }

    public static double[][] matrix(JsonNode rows) {
        return ParityTest.matrix(rows);
    }
}
