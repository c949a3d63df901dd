package dev.chainrule.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.chainrule.nn.Loss;
import dev.chainrule.nn.WeightInit;

/**
 * A stored model definition. The scalar settings are columns; the layer list and the optional explicit
 * parameters are JSON text ({@link ModelJson}), since they are always read and written whole.
 */
@Entity
@Table(name = "models")
class ModelEntity {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    private Integer inputs;

    @Column(nullable = false)
    private String layers;

    @Column(nullable = false, length = 40)
    private String loss;

    @Column(nullable = false, length = 40)
    private String weightInit;

    private long seed;

    private double l2;

    private String parameters;

    @Column(nullable = false)
    private Instant createdAt;

    /** The tenant that made it; only that tenant's keys see it. */
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    protected ModelEntity() {
    }

    ModelEntity(UUID id, String name, Integer inputs, String layers, String loss, String weightInit, long seed,
            double l2, String parameters, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.inputs = inputs;
        this.layers = layers;
        this.loss = loss;
        this.weightInit = weightInit;
        this.seed = seed;
        this.l2 = l2;
        this.parameters = parameters;
        this.createdAt = createdAt;
    }

    static ModelEntity of(StoredModel model, Instant createdAt) {
        return new ModelEntity(model.id(), model.name(), model.inputs(), ModelJson.layers(model.layers()),
                model.loss().jsonName(), model.weightInit().jsonName(), model.seed(), model.l2(),
                ModelJson.parameters(model.parameters()), createdAt);
    }

    StoredModel toStoredModel() {
        return new StoredModel(id, name, inputs, ModelJson.layers(layers), Loss.fromJsonName(loss).orElseThrow(),
                WeightInit.fromJsonName(weightInit).orElseThrow(), seed, l2, ModelJson.parameters(parameters));
    }

    UUID id() {
        return id;
    }









    Instant createdAt() {
        return createdAt;
    }

    /** Sets the owning tenant before the first save. */
    ModelEntity ownedBy(UUID tenant) {
        this.tenantId = tenant;
        return this;
    }

    UUID tenantId() {
        return tenantId;
    }
}
