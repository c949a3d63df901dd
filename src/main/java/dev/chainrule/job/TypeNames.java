package dev.chainrule.job;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.impl.TypeIdResolverBase;

/**
 * Reads the {@code type} of a polymorphic option by the names its {@link JsonSubTypes} declare,
 * and refuses any other name. Jackson's own name resolver would quietly read an unknown name as the
 * {@code defaultImpl}, which is meant only for a {@code type} left out.
 */
final class TypeNames extends TypeIdResolverBase {

    private final Map<String, Class<?>> types = new LinkedHashMap<>();
    private JavaType baseType;

    @Override
    public void init(JavaType baseType) {
        this.baseType = baseType;
        for (JsonSubTypes.Type type : baseType.getRawClass().getAnnotation(JsonSubTypes.class).value()) {
            types.put(type.name(), type.value());
        }
    }

    @Override
    public String idFromValue(DatabindContext context, Object value) {
        return idFromValueAndType(context, value, value.getClass());
    }

    @Override
    public String idFromValueAndType(DatabindContext context, Object value, Class<?> type) {
        return types.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type + " is not a subtype listed on " + baseType));
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        Class<?> type = types.get(id);
        if (type != null) {
            return context.constructSpecializedType(baseType, type);
        }
        if (context instanceof DeserializationContext reading) {
            return reading.handleUnknownTypeId(baseType, id, this, "known types: " + getDescForKnownTypeIds());
        }
        throw new IllegalArgumentException("unknown type '" + id + "' of " + baseType);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.join(", ", types.keySet());
    }

    /** Names, as the annotations say; this resolver only refuses what they do not list. */
    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.NAME;
    }
}
