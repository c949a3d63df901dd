package dev.chainrule.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.core.annotation.AnnotationUtils;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Makes {@code @JsonIgnoreProperties(ignoreUnknown = false)} on a request type mean what it says.
 * The mapper ignores unknown fields, so Jackson would skip them even there; a type that declares
 * it (the optimizer and schedule options, where a field of another type is a mistake) gets a 400
 * naming the field instead.
 */
final class DeclaredStrictness extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
            ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
        Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
        JsonIgnoreProperties declared = AnnotationUtils.findAnnotation(type, JsonIgnoreProperties.class);
        if (declared == null || declared.ignoreUnknown()) {
            return false;
        }
        // Jackson adds the path, this field included, as the exception passes through the readers.
        throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName, deserializer.getKnownPropertyNames());
    }
}
