package dev.chainrule.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a JSON document could not be read, in the client's terms: the JSON pointer at fault and what is
 * wrong there. An unknown {@code type} lists the known types; an unknown field lists the known fields.
 * No Java class is named. Request bodies and documents read later (a bundle's parts) share these words.
 */
public final class JsonReadFaults {

    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `[^`]*`\\)");
    private static final Pattern CREATOR = Pattern.compile("\\s*\\(although at least one Creator exists\\):?");
    private static final Pattern JAVA_TYPE = Pattern.compile("`([A-Za-z_$][\\w$.\\[\\]<>, ]*)`");

    private JsonReadFaults() {
    }

    /**
     * The fault {@code ex} reports: an unknown type or field as such, anything else at its pointer as
     * {@code unreadable} followed by Jackson's own words.
     */
    public static Fault of(JacksonException ex, String unreadable) {
        if (ex instanceof InvalidTypeIdException unknownType) {
            return unknownType(unknownType);
        }
        if (ex instanceof UnrecognizedPropertyException unknownField) {
            return unknownField(unknownField);
        }
        return Fault.atPointer(JsonPointers.fromJacksonPath(ex.getPath()), unreadable + words(ex));
    }

    /**
     * Jackson's own words for what went wrong, with every Java type it names put in JSON's terms
     * ({@code `dev.chainrule.job.CreateJobRequest`} becomes "a JSON object", {@code `java.lang.Integer`} "an
     * integer") and its parser tokens and creator jargon left out.
     */
    public static String words(JacksonException ex) {
        String message = ex.getOriginalMessage() == null ? "malformed JSON" : ex.getOriginalMessage();
        message = TOKEN.matcher(message).replaceAll("");
        message = CREATOR.matcher(message).replaceAll(":");
        Matcher type = JAVA_TYPE.matcher(message);
        StringBuilder readable = new StringBuilder();
        while (type.find()) {
            type.appendReplacement(readable, Matcher.quoteReplacement(jsonTerm(type.group(1))));
        }
        type.appendTail(readable);
        return readable.toString().replaceAll("\\s+", " ").strip();
    }

    private static String jsonTerm(String javaType) {
        String simple = javaType.replaceAll("<.*>", "");
        if (simple.endsWith("[]") || simple.matches("java\\.util\\.(List|Set|Collection|ArrayList)")) {
            return "an array";
        }
        return switch (simple) {
            case "int", "long", "short", "java.lang.Integer", "java.lang.Long", "java.lang.Short" -> "an integer";
            case "double", "float", "java.lang.Double", "java.lang.Float", "java.math.BigDecimal" -> "a number";
            case "boolean", "java.lang.Boolean" -> "true or false";
            case "java.lang.String", "char", "java.lang.Character" -> "a string";
            case "java.util.UUID" -> "a UUID";
            case "java.time.Instant", "java.time.OffsetDateTime" -> "a timestamp (ISO 8601)";
            default -> simple.startsWith("java.util.Map") ? "a JSON object" : simple.contains(".") ? "a JSON object"
                    : "'" + simple + "'";
        };
    }

    /** {@code {"optimizer": {"type": "adagrad"}}}: "Unknown optimizer 'adagrad'; use sgd, adam or rmsprop." */
    public static Fault unknownType(InvalidTypeIdException ex) {
        Class<?> base = ex.getBaseType().getRawClass();
        JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
        String at = JsonPointers.fromJacksonPath(ex.getPath());
        String pointer = info == null ? at : at + "/" + info.property();
        String noun = ex.getPath().isEmpty() || ex.getPath().get(ex.getPath().size() - 1).getPropertyName() == null
                ? "type" : ex.getPath().get(ex.getPath().size() - 1).getPropertyName();
        JsonSubTypes known = base.getAnnotation(JsonSubTypes.class);
        String detail = "Unknown " + noun + " '" + ex.getTypeId() + "'" + (known == null ? "."
                : "; use " + listed(Arrays.stream(known.value()).map(JsonSubTypes.Type::name).toList(), "or") + ".");
        return Fault.atPointer(pointer, detail);
    }

    /** A field the type does not have; for one type of several, the message names that type. */
    public static Fault unknownField(UnrecognizedPropertyException ex) {
        String pointer = JsonPointers.fromJacksonPath(ex.getPath());
        List<String> fields = names(ex.getKnownPropertyIds());
        String typeName = subtypeName(ex.getReferringClass());
        String detail;
        if (typeName == null) {
            detail = "Unknown field '" + ex.getPropertyName() + "'; the known fields are " + listed(fields, "and") + ".";
        } else {
            List<String> withType = new ArrayList<>(List.of("type"));
            withType.addAll(fields);
            detail = "'" + ex.getPropertyName() + "' does not apply to '" + typeName + "', whose fields are "
                    + listed(withType, "and") + ".";
        }
        return Fault.atPointer(pointer, detail);
    }

    /** The name under which a supertype's {@link JsonSubTypes} lists {@code type}, or null. */
    private static String subtypeName(Class<?> type) {
        if (type == null) {
            return null;
        }
        List<Class<?>> supertypes = new ArrayList<>(Arrays.asList(type.getInterfaces()));
        supertypes.add(type.getSuperclass());
        return supertypes.stream().filter(Objects::nonNull).map(s -> s.getAnnotation(JsonSubTypes.class))
                .filter(Objects::nonNull).flatMap(s -> Arrays.stream(s.value()))
                .filter(t -> t.value() == type).map(JsonSubTypes.Type::name).findFirst().orElse(null);
    }

    private static List<String> names(Collection<Object> ids) {
        return ids == null ? List.of() : ids.stream().map(String::valueOf).toList();
    }

    /** {@code a, b or c} */
    private static String listed(List<String> names, String conjunction) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " "
                + names.get(names.size() - 1);
    }
}
