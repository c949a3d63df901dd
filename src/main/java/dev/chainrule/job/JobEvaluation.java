package dev.chainrule.job;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import tools.jackson.databind.json.JsonMapper;

/** A finished classification job's confusion matrix on its validation rows, as JSON ({@link EvaluationView}). */
@Entity
@Table(name = "job_evaluation")
class JobEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    @Column(name = "job_id")
    private UUID jobId;
    @Column(nullable = false, length = 1_000_000)
    private String report;

    protected JobEvaluation() {
    }

    JobEvaluation(UUID jobId, EvaluationView.Stored report) {
        this.jobId = jobId;
        this.report = JSON.writeValueAsString(report);
    }

    EvaluationView toView() {
        return EvaluationView.of(JSON.readValue(report, EvaluationView.Stored.class));
    }
}
