package dev.chainrule.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
        return Fault.atPointer(JsonPointers.fromJacksonPath(ex.getPath()), unreadable + ex.getOriginalMessage());
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
