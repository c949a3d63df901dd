package dev.chainrule.job;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.WarmStart;

/** Where a forked job starts: its parent, the parent's epoch, what it restores, and that checkpoint's bytes. */
@Entity
@Table(name = "job_fork")
class JobFork {

    @Id
    @Column(name = "job_id")
    private UUID jobId;
    @Column(name = "parent_job_id", nullable = false)
    private UUID parentJobId;
    @Column(name = "parent_epoch", nullable = false)
    private int parentEpoch;
    @Column(nullable = false, length = 16)
    private String restore;
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    private byte[] checkpoint;

    protected JobFork() {
    }

    JobFork(UUID jobId, UUID parentJobId, ForkRequest.Restore restore, TrainerCheckpoint checkpoint) {
        this.jobId = jobId;
        this.parentJobId = parentJobId;
        this.parentEpoch = checkpoint.epochsCompleted();
        this.restore = restore.jsonName();
        this.checkpoint = checkpoint.payload();
    }

    UUID parentJobId() {
        return parentJobId;
    }

    int parentEpoch() {
        return parentEpoch;
    }

    ForkRequest.Restore restore() {
        return ForkRequest.Restore.fromJsonName(restore).orElseThrow();
    }

    WarmStart toWarmStart() {
        return new WarmStart(new TrainerCheckpoint(parentEpoch, 0, checkpoint), restore() == ForkRequest.Restore.ALL);
    }

    ParentView toView() {
        return new ParentView(parentJobId, parentEpoch, restore);
    }
}
