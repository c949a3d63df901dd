package dev.chainrule.job;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What predictions need from a job, kept apart from the job row so that listing jobs never reads
 * parameter bytes: the preprocessing (fixed when the job is created) and the current parameters.
 */
@Entity
@Table(name = "job_artifact")
class JobArtifact {

    @Id
    @Column(name = "job_id")
    private UUID jobId;
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    private byte[] preprocessing;
    @JdbcTypeCode(SqlTypes.VARBINARY)
    private byte[] parameters;
    @Column(nullable = false)
    private long version;

    protected JobArtifact() {
    }

    JobArtifact(UUID jobId, byte[] preprocessing) {
        this.jobId = jobId;
        this.preprocessing = preprocessing;
    }

    /** An artifact whose parameters are final from the start (an imported job). */
    JobArtifact(UUID jobId, byte[] preprocessing, byte[] parameters) {
        this(jobId, preprocessing);
        this.parameters = parameters;
        this.version = 1;
    }

    UUID jobId() {
        return jobId;
    }

    byte[] preprocessing() {
        return preprocessing;
    }

    /** Null until the first epoch has finished. */
    byte[] parameters() {
        return parameters;
    }

    long version() {
        return version;
    }
}
