package dev.chainrule.prediction;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PredictionLimits.class)
class PredictionConfiguration {
}
