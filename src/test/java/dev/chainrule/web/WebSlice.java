package dev.chainrule.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a {@code @WebMvcTest} controller slice needs beside its controller and
 * {@link ProblemHandler} (which the slice finds itself): the service's rules for reading JSON
 * bodies ({@link JsonConfig}), without which unknown and misplaced fields would read differently
 * than in the running service, and its CSV answers ({@link CsvConfig}); and the security rules
 * ({@link SecurityConfiguration}), with the test profile's admin key as the only key ({@link SliceKeys}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ JsonConfig.class, CsvConfig.class, SecurityConfiguration.class, SliceKeys.class })
@ActiveProfiles("test")
public @interface WebSlice {
}
