package dev.chainrule;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChainruleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChainruleApplication.class, args);
    }
}
