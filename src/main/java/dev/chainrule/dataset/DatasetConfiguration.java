package dev.chainrule.dataset;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatasetProperties.class)
class DatasetConfiguration {

    @Bean
    DecodedDatasetCache decodedDatasetCache(DatasetProperties properties) {
        return new DecodedDatasetCache(properties.decodedCacheBytes());
    }
}
