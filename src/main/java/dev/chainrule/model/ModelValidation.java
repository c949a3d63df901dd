package dev.chainrule.model;

/** The answer of {@code POST /api/v1/models/validate} for a valid definition (faults answer 422). */
record ModelValidation(boolean valid, ModelResponse model) {
}
