package dev.chainrule.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ModelLimitsTest {

    private static ModelLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("chainrule.models", ModelLimits.class);
    }

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        assertThat(bind(Map.of())).isEqualTo(new ModelLimits(4096, 64, 100_000, 10_000_000, 4));
    }

    @Test
    void theUnitCapIsConfigurable() {
        assertThat(bind(Map.of("chainrule.models.max-units", "8")).maxUnits()).isEqualTo(8);
    }

    @Test
    void theNestingCapIsConfigurable() {
        assertThat(bind(Map.of("chainrule.models.max-depth", "2")).maxDepth()).isEqualTo(2);
    }
}
