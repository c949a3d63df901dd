package dev.chainrule.web;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces every {@link ErrorReportValve} of the host (Tomcat's own, and the one Spring Boot adds to
 * hide the server's details) with the {@link ProblemReportValve}, once the host has started and
 * added them all.
 */
@Configuration(proxyBeanMethods = false)
class TomcatProblems implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            host.addLifecycleListener(event -> {
                if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                    replaceErrorReports(host.getPipeline());
                }
            });
        });
    }

    private static void replaceErrorReports(Pipeline pipeline) {
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemReportValve());
    }
}
