package dev.chainrule.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Why a request body could not be read, in the client's terms: the JSON pointer at fault and what
 * is wrong there. An unknown {@code type} lists the known types; an unknown field lists the known
 * fields. No Java class is named.
 */
record UnreadableBody(String code, String title, String pointer, String detail) {

    static UnreadableBody of(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof InvalidTypeIdException unknownType) {
            return unknownType(unknownType);
        }
        if (ex.getCause() instanceof UnrecognizedPropertyException unknownField) {
            return unknownField(unknownField);
        }
        if (ex.getCause() instanceof JacksonException jackson) {
            String pointer = JsonPointers.fromJacksonPath(jackson.getPath());
            return unreadable(pointer, "The request body could not be read" + (pointer.isEmpty() ? "" : " at " + pointer)
                    + ": " + jackson.getOriginalMessage());
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return unreadable("", "A request body is required.");
        }
        return unreadable("", "The request body is not valid JSON.");
    }

    private static UnreadableBody unreadable(String pointer, String detail) {
        return new UnreadableBody("unreadable-body", "Unreadable request body", pointer, detail);
    }

    /** {@code {"optimizer": {"type": "adagrad"}}}: "Unknown optimizer 'adagrad'; use sgd, adam or rmsprop." */
    private static UnreadableBody unknownType(InvalidTypeIdException ex) {
        Class<?> base = ex.getBaseType().getRawClass();
        JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
        String at = JsonPointers.fromJacksonPath(ex.getPath());
        String pointer = info == null ? at : at + "/" + info.property();
        String noun = ex.getPath().isEmpty() || ex.getPath().get(ex.getPath().size() - 1).getPropertyName() == null
                ? "type" : ex.getPath().get(ex.getPath().size() - 1).getPropertyName();
        JsonSubTypes known = base.getAnnotation(JsonSubTypes.class);
        String detail = "Unknown " + noun + " '" + ex.getTypeId() + "'" + (known == null ? "."
                : "; use " + listed(Arrays.stream(known.value()).map(JsonSubTypes.Type::name).toList(), "or") + ".");
        return new UnreadableBody("unknown-type", "Unknown type", pointer, detail);
    }

    /** A field the type does not have; for one type of several, the message names that type. */
    private static UnreadableBody unknownField(UnrecognizedPropertyException ex) {
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
        return new UnreadableBody("unknown-field", "Unknown field", pointer, detail);
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
