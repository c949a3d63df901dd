package dev.chainrule.encoding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a {@link Preprocessing} as compact, versioned bytes. Doubles are written bit for bit, so a
 * decoded preprocessing encodes exactly as the fitted one did.
 *
 * <p>Layout (big-endian): magic {@code CRPP}, format version byte; feature count, then per feature a
 * kind byte (0 numeric: name, mean, std, standardize; 1 categorical: name, category count, categories);
 * a target kind byte (0 one-hot / 1 binary: class count, classes; 2 value: mean, std, standardize;
 * 3 several values: name count, names, then per name mean, std, standardize).
 * Strings are a length-prefixed UTF-8 byte run.
 */
public final class PreprocessingCodec {

    private static final int MAGIC = 0x43525050;
    private static final byte VERSION = 1;
    private static final byte NUMERIC = 0;
    private static final byte CATEGORICAL = 1;
    private static final byte ONE_HOT = 0;
    private static final byte BINARY = 1;
    private static final byte VALUE = 2;
    private static final byte VALUES = 3;

    private PreprocessingCodec() {
    }

    public static byte[] encode(Preprocessing preprocessing) {
        if (!(preprocessing instanceof FittedPreprocessing fitted)) {
            throw new IllegalArgumentException("only preprocessings made by PreprocessingFitter can be stored");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(VERSION);
            out.writeInt(fitted.features().size());
            for (FeatureEncoding feature : fitted.features()) {
                writeFeature(out, feature);
            }
            writeTarget(out, fitted.target());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a stored preprocessing of a known version */
    public static Preprocessing decode(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a stored preprocessing (bad magic)");
            }
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unsupported preprocessing format version " + version);
            }
            int count = in.readInt();
            List<FeatureEncoding> features = new ArrayList<>(Math.min(count, 4096));
            for (int f = 0; f < count; f++) {
                features.add(readFeature(in));
            }
            TargetEncoding target = readTarget(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException("stored preprocessing has " + in.available() + " trailing bytes");
            }
            return new FittedPreprocessing(features, target);
        } catch (IOException e) {
            throw new IllegalArgumentException("stored preprocessing is truncated or corrupt", e);
        }
    }

    private static void writeFeature(DataOutputStream out, FeatureEncoding feature) throws IOException {
        if (feature instanceof FeatureEncoding.Numeric numeric) {
            out.writeByte(NUMERIC);
            writeString(out, numeric.name());
            out.writeDouble(numeric.mean());
            out.writeDouble(numeric.std());
            out.writeBoolean(numeric.standardize());
        } else {
            FeatureEncoding.Categorical categorical = (FeatureEncoding.Categorical) feature;
            out.writeByte(CATEGORICAL);
            writeString(out, categorical.name());
            writeStrings(out, categorical.categories());
        }
    }

    private static FeatureEncoding readFeature(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        String name = readString(in);
        return switch (kind) {
            case NUMERIC -> new FeatureEncoding.Numeric(name, in.readDouble(), in.readDouble(), in.readBoolean());
            case CATEGORICAL -> new FeatureEncoding.Categorical(name, readStrings(in));
            default -> throw new IllegalArgumentException("unknown feature kind " + kind);
        };
    }

    private static void writeTarget(DataOutputStream out, TargetEncoding target) throws IOException {
        if (target instanceof TargetEncoding.Value value) {
            out.writeByte(VALUE);
            writeValue(out, value);
        } else if (target instanceof TargetEncoding.Values values) {
            out.writeByte(VALUES);
            writeStrings(out, values.names());
            for (TargetEncoding.Value value : values.each()) {
                writeValue(out, value);
            }
        } else {
            out.writeByte(target instanceof TargetEncoding.Binary ? BINARY : ONE_HOT);
            writeStrings(out, target.classes());
        }
    }

    private static TargetEncoding readTarget(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case ONE_HOT -> new TargetEncoding.OneHot(readStrings(in));
            case BINARY -> new TargetEncoding.Binary(readStrings(in));
            case VALUE -> readValue(in);
            case VALUES -> readValues(in);
            default -> throw new IllegalArgumentException("unknown target kind " + kind);
        };
    }

    private static void writeValue(DataOutputStream out, TargetEncoding.Value value) throws IOException {
        out.writeDouble(value.mean());
        out.writeDouble(value.std());
        out.writeBoolean(value.standardize());
    }

    private static TargetEncoding.Value readValue(DataInputStream in) throws IOException {
        return new TargetEncoding.Value(in.readDouble(), in.readDouble(), in.readBoolean());
    }

    private static TargetEncoding.Values readValues(DataInputStream in) throws IOException {
        List<String> names = readStrings(in);
        List<TargetEncoding.Value> each = new ArrayList<>(names.size());
        for (int t = 0; t < names.size(); t++) {
            each.add(readValue(in));
        }
        return new TargetEncoding.Values(names, each);
    }

    private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new IllegalArgumentException("stored preprocessing has an impossible list length " + count);
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString(in));
        }
        return values;
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("stored preprocessing has an impossible string length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
