package dev.chainrule.glassbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GlassBoxLimits.class)
class GlassBoxConfiguration {
}
