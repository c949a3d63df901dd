package dev.chainrule.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counters read from the {@code /actuator/prometheus} text of service processes. */
public final class Prometheus {

    /** Epochs an instance trained (and recorded) itself. */
    public static final Pattern EPOCHS_TRAINED =
            Pattern.compile("(?m)^chainrule_epochs_trained_total\\{[^}]*} (\\S+)$");
    /** Jobs an instance brought to {@code succeeded} itself: counted once the ending is committed. */
    public static final Pattern JOBS_SUCCEEDED =
            Pattern.compile("(?m)^chainrule_jobs_finished_total\\{[^}]*state=\"succeeded\"[^}]*} (\\S+)$");

    private Prometheus() {
    }

    /** The sum of every sample of {@code series} over the processes' current counters. */
    public static long sum(Pattern series, ServiceProcess... processes) {
        double total = 0;
        for (ServiceProcess process : processes) {
            Matcher matcher = series.matcher(process.api().get("/actuator/prometheus").expect(200).body());
            while (matcher.find()) {
                total += Double.parseDouble(matcher.group(1));
            }
        }
        return Math.round(total);
    }
}
