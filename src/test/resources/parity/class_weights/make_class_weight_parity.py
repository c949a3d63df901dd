#!/usr/bin/python3
"""Writes the class-weight parity fixtures of this directory (float64 numbers for ClassWeightParityTest).

Run with Debian's python3-torch (PyTorch 1.13, CPU):

    /usr/bin/python3 src/test/resources/parity/class_weights/make_class_weight_parity.py

Each fixture is a small MLP (z = a @ W + b, W shaped [fan_in, fan_out]), its parameters, one batch
with class labels, per-class weights, and what PyTorch computes: the weighted loss and every gradient.
  cross_entropy:        nn.CrossEntropyLoss(weight=w) on the logits (weighted mean, divided by sum of w[y])
  binary_cross_entropy: nn.BCEWithLogitsLoss(weight=w[y][:, None]) on one logit per row (mean over elements)
  mse:                  mean over all elements of w[y][:, None] * (a - onehot(y))^2
"""
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ACT = {"tanh": torch.tanh, "relu": torch.relu, "identity": lambda t: t, "sigmoid": torch.sigmoid}

CASES = [
    ("ce_4_5_3_tanh", [4, 5, 3], "tanh", "softmax", "cross_entropy", [0.5, 2.0, 1.25], 7, 1),
    ("bce_3_4_1_tanh", [3, 4, 1], "tanh", "sigmoid", "binary_cross_entropy", [0.3, 2.5], 6, 2),
    ("mse_3_5_3_relu", [3, 5, 3], "relu", "identity", "mse", [1.5, 0.25, 3.0], 6, 3),
]


def make(name, widths, hidden, output, loss, weights, rows, seed):
    rng = np.random.default_rng(seed)
    params = []
    for fan_in, fan_out in zip(widths[:-1], widths[1:]):
        params.append((np.round(rng.uniform(-0.8, 0.8, (fan_in, fan_out)), 6),
                       np.round(rng.uniform(-0.3, 0.3, fan_out), 6)))
    x = np.round(rng.normal(size=(rows, widths[0])), 6)
    classes = len(weights)
    labels = np.arange(rows) % classes
    rng.shuffle(labels)
    tensors = [(torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True)) for W, b in params]
    a = torch.tensor(x)
    for layer, (W, b) in enumerate(tensors):
        z = a @ W + b
        a = ACT[hidden](z) if layer < len(tensors) - 1 else z
    w = torch.tensor(weights, dtype=torch.float64)
    y_labels = torch.tensor(labels)
    if loss == "cross_entropy":
        value = torch.nn.CrossEntropyLoss(weight=w)(z, y_labels)
        targets = np.eye(classes)[labels]
    elif loss == "binary_cross_entropy":
        y = y_labels.double()[:, None]
        value = torch.nn.BCEWithLogitsLoss(weight=w[y_labels][:, None])(z, y)
        targets = labels[:, None].astype(float)
    else:
        y = torch.nn.functional.one_hot(y_labels, classes).double()
        value = (w[y_labels][:, None] * (ACT[output](z) - y) ** 2).mean()
        targets = np.eye(classes)[labels]
    value.backward()
    fixture = {
        "name": name,
        "description": "class-weighted " + loss + "; float64; produced by PyTorch " + torch.__version__
                       + " (make_class_weight_parity.py)",
        "layers": widths, "hidden_activation": hidden, "output_activation": output, "loss": loss,
        "class_weights": weights,
        "initial_params": [{"W": W.tolist(), "b": b.tolist()} for W, b in params],
        "x": x.tolist(), "labels": labels.tolist(), "y": np.asarray(targets).tolist(),
        "loss_value": value.item(),
        "grads": [{"W": W.grad.tolist(), "b": b.grad.tolist()} for W, b in tensors],
    }
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(fixture, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    torch.set_default_dtype(torch.float64)
    for case in CASES:
        make(*case)
