package dev.chainrule.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A stack of layers built from a {@link NetworkSpec}; the engine fills in the computation. */
public final class Network {

    private final NetworkSpec spec;
    private final Precision precision;

    private Network(NetworkSpec spec, Precision precision) {
        this.spec = spec;
        this.precision = precision;
    }

    public static Network create(NetworkSpec spec, Precision precision) {
        return new Network(spec, precision);
    }

    public static Network create(NetworkSpec spec, Precision precision, List<LayerParameters> initial) {
        return new Network(spec, precision);
    }

    public INDArray predict(INDArray features) {
        throw new IllegalStateException("forward pass arrives with the engine");
    }

    public List<LayerParameters> exportParameters() {
        throw new IllegalStateException("parameters arrive with the engine");
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Precision precision() {
        return precision;
    }
}
