package dev.chainrule.job;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A finished classification job's confusion matrix on its validation rows, as JSON ({@link EvaluationView}). */
@Entity
@Table(name = "job_evaluation")
class JobEvaluation {

    @Id
    @Column(name = "job_id")
    private UUID jobId;
    @Column(nullable = false, length = 1_000_000)
    private String report;

    protected JobEvaluation() {
    }

    JobEvaluation(UUID jobId, String report) {
        this.jobId = jobId;
        this.report = report;
    }

    String report() {
        return report;
    }
}
