package dev.chainrule.job;

import java.util.UUID;

import dev.chainrule.diagnosis.LayerTelemetryView;
import dev.chainrule.nn.train.LayerTelemetry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One trainable layer's telemetry for one finished epoch of a job. Unique per (job, epoch, layer). */
@Entity
@Table(name = "job_layer_telemetry")
class LayerTelemetryRecord {

    @Id
    private UUID id;
    @Column(name = "job_id", nullable = false)
    private UUID jobId;
    @Column(nullable = false)
    private int epoch;
    @Column(nullable = false)
    private int layer;
    @Column(nullable = false, length = 32)
    private String kind;
    @Column(name = "weight_norm", nullable = false)
    private double weightNorm;
    @Column(name = "gradient_norm", nullable = false)
    private double gradientNorm;
    @Column(name = "bias_gradient_norm", nullable = false)
    private double biasGradientNorm;
    @Column(name = "update_ratio", nullable = false)
    private double updateRatio;
    @Column(name = "error_norm", nullable = false)
    private double errorNorm;
    @Column(name = "activation_mean", nullable = false)
    private double activationMean;
    @Column(name = "activation_std", nullable = false)
    private double activationStd;
    @Column(name = "dead_fraction", nullable = false)
    private double deadFraction;
    @Column(name = "saturated_fraction")
    private Double saturatedFraction;

    protected LayerTelemetryRecord() {
    }

    LayerTelemetryRecord(UUID jobId, int epoch, LayerTelemetry t) {
        this.id = UUID.randomUUID();
        this.jobId = jobId;
        this.epoch = epoch;
        this.layer = t.layer();
        this.kind = t.kind();
        this.weightNorm = t.weightNorm();
        this.gradientNorm = t.gradientNorm();
        this.biasGradientNorm = t.biasGradientNorm();
        this.updateRatio = t.updateRatio();
        this.errorNorm = t.errorNorm();
        this.activationMean = t.activationMean();
        this.activationStd = t.activationStd();
        this.deadFraction = t.deadFraction();
        this.saturatedFraction = t.saturatedFraction();
    }

    LayerTelemetryView toView() {
        return new LayerTelemetryView(epoch, layer, kind, finite(weightNorm), finite(gradientNorm),
                finite(biasGradientNorm), finite(updateRatio), finite(errorNorm), finite(activationMean),
                finite(activationStd), deadFraction, saturatedFraction);
    }

    /** JSON has no NaN or infinity: a value that overflowed is shown as null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
