package dev.chainrule.job;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The JSON form in which a job's effective options are stored. */
@Component
class JobOptionsJson {

    private final JsonMapper json;

    JobOptionsJson(JsonMapper json) {
        this.json = json;
    }

    String write(JobOptions options) {
        return json.writeValueAsString(options);
    }

    JobOptions read(String stored) {
        return json.readValue(stored, JobOptions.class);
    }
}
