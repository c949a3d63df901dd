package dev.chainrule.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Integer inputs() {
        return inputs;
    }

    String layers() {
        return layers;
    }

    String loss() {
        return loss;
    }

    String weightInit() {
        return weightInit;
    }

    long seed() {
        return seed;
    }

    double l2() {
        return l2;
    }

    String parameters() {
        return parameters;
    }

    Instant createdAt() {
        return createdAt;
    }
}
