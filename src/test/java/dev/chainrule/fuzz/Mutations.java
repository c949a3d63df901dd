package dev.chainrule.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Seeded mutations of request parts: values of the wrong type, odd strings and numbers, broken documents. */
final class Mutations {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> ODD_STRINGS = List.of("", " ", "null", "-1", "0", "1e309", "NaN", "true",
            "\u0000", "%00", "%2F", "%", "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "😀🚀",
            "\u202e\u0301", "a".repeat(10_000), "x;y", "a,b", "\\", "\"", "{}", "[]", "ťéšť", "\r\n", "\t");
    private static final List<String> ODD_NUMBERS = List.of("0", "-1", "-0", "1e308", "-1e308", "1e-320",
            "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999", "0.5", "1.0000000001",
            "4.9e-324", "123456789012345678901234567890.5");

    private final Random random;

    Mutations(Random random) {
        this.random = random;
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    String oddString() {
        return pick(ODD_STRINGS);
    }

    String oddNumber() {
        return pick(ODD_NUMBERS);
    }

    /** A path id: mostly a real one, else a missing, malformed or overlong one. */
    String id(String real) {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> real;
            case 3 -> UUID.randomUUID().toString();
            case 4 -> "not-a-uuid";
            case 5 -> "x".repeat(1 + random.nextInt(3000));
            case 6 -> encode(oddString());
            default -> real.toUpperCase() + (chance(0.5) ? "0" : "");
        };
    }

    String queryValue(String valid) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> valid;
            case 2 -> oddNumber();
            default -> oddString();
        };
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The example body, mutated a few times over; or a document that is not the expected one at all. */
    String body(JsonNode example) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return broken(example == null ? "{}" : example.toString());
        }
        if (kind == 1) {
            return deep(random.nextBoolean() ? 200 : 5000);
        }
        if (kind == 2) {
            return pick(List.of("", "null", "[]", "1", "\"text\"", "{}", "[{}]", "{\"a\":", "\u0000"));
        }
        JsonNode body = example == null ? NODES.objectNode() : example.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            body = mutate(body, 0);
        }
        return body.toString();
    }

    private JsonNode mutate(JsonNode node, int depth) {
        if (node instanceof ObjectNode object && object.size() > 0 && chance(0.7)) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = pick(names);
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 -> object.set("unexpected" + random.nextInt(10), value());
                default -> object.set(name, depth < 4 ? mutate(object.get(name), depth + 1) : value());
            }
            return object;
        }
        if (node instanceof ArrayNode array && array.size() > 0 && chance(0.6)) {
            int index = random.nextInt(array.size());
            switch (random.nextInt(4)) {
                case 0 -> array.remove(index);
                case 1 -> array.add(value());
                case 2 -> {
                    for (int i = 0; i < 1000; i++) {
                        array.add(array.get(0).deepCopy());
                    }
                }
                default -> array.set(index, depth < 4 ? mutate(array.get(index), depth + 1) : value());
            }
            return array;
        }
        return value();
    }

    /** A value of any type: swaps a field's type when it replaces one. */
    JsonNode value() {
        return switch (random.nextInt(9)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> JSON.readTree(oddNumber());
            case 3 -> NODES.numberNode(random.nextInt());
            case 4 -> NODES.stringNode(oddString());
            case 5 -> NODES.arrayNode().add(random.nextInt(5)).add("x");
            case 6 -> NODES.objectNode().put("type", oddString());
            case 7 -> NODES.arrayNode();
            default -> NODES.objectNode();
        };
    }

    private String broken(String document) {
        if (document.length() < 2) {
            return "{";
        }
        return switch (random.nextInt(4)) {
            case 0 -> document.substring(0, random.nextInt(document.length()));
            case 1 -> document + pick(List.of("}", ",", "x", "]"));
            case 2 -> document.replaceFirst(":", "");
            default -> document.replace('"', '\'');
        };
    }

    private static String deep(int levels) {
        return "[".repeat(levels) + "]".repeat(levels);
    }

    /** A CSV upload: plain, ragged, odd values, header only, or not text at all. */
    byte[] csv() {
        String text = switch (random.nextInt(7)) {
            case 0 -> "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n";
            case 1 -> "a,b,label\n1,2\n3,4,y,9\n";
            case 2 -> "a,b,label\n" + oddNumber() + "," + oddString().replace(",", "") + ",x\n1,2,y\n";
            case 3 -> "a,b,label\n";
            case 4 -> "";
            case 5 -> "\"unclosed,1,2\n3,4,5\n";
            default -> new String(randomBytes(200), java.nio.charset.StandardCharsets.ISO_8859_1);
        };
        return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }
}
