package dev.chainrule.web;

import java.lang.annotation.Annotation;
import java.util.List;

import org.springdoc.core.customizers.PropertyCustomizer;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.annotation.Nullable;

/**
 * A response field marked {@link Nullable} is sent as {@code null} when it has no value (a job's
 * {@code finishedAt} before it finishes): the document says so, as OpenAPI 3.1 does, with the type
 * {@code null} beside the field's own, or {@code oneOf} a reference and {@code null}.
 */
class NullableProperties implements PropertyCustomizer {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema customize(Schema property, AnnotatedType type) {
        if (property == null || !marked(type.getCtxAnnotations())) {
            return property;
        }
        if (property.get$ref() != null) {
            Schema nullable = new Schema().oneOf(List.of(new Schema().$ref(property.get$ref()), nullType()));
            nullable.setDescription(property.getDescription());
            return nullable;
        }
        property.addType("null");
        return property;
    }

    private static boolean marked(Annotation[] annotations) {
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (annotation.annotationType() == Nullable.class) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("rawtypes")
    private static Schema nullType() {
        Schema none = new Schema();
        none.addType("null");
        return none;
    }
}
