#!/usr/bin/python3
"""Writes step_iris_mse_onehot.json: PyTorch's numbers for one glass-box step with mse on class targets
(StepApiTest). Kept apart from the engine's fixtures one folder up, which ParityTest reads all of.

Run from the repository root with Debian's python3-torch (PyTorch 1.13, CPU):

    /usr/bin/python3 src/test/resources/parity/step/make_step_parity.py           # rewrite the fixture
    /usr/bin/python3 src/test/resources/parity/step/make_step_parity.py --check   # compare with the file, write nothing

The rows are all 150 of examples/datasets/iris.csv, features as stored (float32, widened to float64;
standardize: false), the
label one-hot encoded (class k -> a 1 in column k) as the service encodes a classification target
under mse. The network is 4-5-3, sigmoid hidden and output, mse (nn.MSELoss, the mean over every
row and output), with seeded initial parameters (W [fan_in][fan_out], rounded to 6 decimals), in
float64. The fixture holds the loss, every gradient, and the parameters after one step of SGD with
lr 0.5 and momentum 0.9 (PyTorch's first step: buf = g, p -= lr * buf).
"""
import argparse
import csv
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
TARGET = os.path.join(HERE, "step_iris_mse_onehot.json")


def rows():
    with open(os.path.join(ROOT, "examples", "datasets", "iris.csv")) as f:
        data = list(csv.reader(f))[1:]
    # the service stores dataset values as float32: 5.1 is trained as float32(5.1)
    x = np.array([[float(v) for v in r[:4]] for r in data], dtype=np.float32).astype(np.float64).tolist()
    y = [[1.0 if int(r[4]) == k else 0.0 for k in range(3)] for r in data]
    return x, y


def fixture():
    rng = np.random.default_rng(1986)
    widths = [4, 5, 3]
    params = []
    for fan_in, fan_out in zip(widths, widths[1:]):
        limit = np.sqrt(6 / (fan_in + fan_out))
        params.append({"weights": np.round(rng.uniform(-limit, limit, (fan_in, fan_out)), 6).tolist(),
                       "bias": np.round(rng.uniform(-0.3, 0.3, fan_out), 6).tolist()})
    x, y = rows()
    tensors = []
    for p in params:
        tensors.append(torch.tensor(p["weights"], dtype=torch.float64, requires_grad=True))
        tensors.append(torch.tensor(p["bias"], dtype=torch.float64, requires_grad=True))
    a = torch.tensor(x, dtype=torch.float64)
    for i in range(0, len(tensors), 2):
        a = torch.sigmoid(a @ tensors[i] + tensors[i + 1])
    loss = torch.nn.MSELoss()(a, torch.tensor(y, dtype=torch.float64))
    loss.backward()
    grads = [{"weights": tensors[i].grad.tolist(), "bias": tensors[i + 1].grad.tolist()}
             for i in range(0, len(tensors), 2)]
    optimizer = torch.optim.SGD(tensors, lr=0.5, momentum=0.9)
    optimizer.step()
    after = [{"weights": tensors[i].detach().tolist(), "bias": tensors[i + 1].detach().tolist()}
             for i in range(0, len(tensors), 2)]
    return {
        "description": "iris.csv, all 150 rows, features as stored (float32) and unscaled, label one-hot; 4-5-3 sigmoid/sigmoid, mse "
                       "(mean over rows x outputs), float64; one SGD step lr 0.5 momentum 0.9 (PyTorch 1.13)",
        "initial_params": params,
        "loss": loss.item(),
        "grads": grads,
        "params_after": after,
    }


def flatten(value):
    if isinstance(value, dict):
        return [v for k in sorted(value) for v in flatten(value[k])]
    if isinstance(value, list):
        return [v for item in value for v in flatten(item)]
    return [value] if isinstance(value, float) else []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    made = fixture()
    if args.check:
        with open(TARGET) as f:
            stored = json.load(f)
        worst = max(abs(a - b) for a, b in zip(flatten(made), flatten(stored)))
        print("largest difference from the file:", worst)
        sys.exit(0 if worst <= 1e-12 else 1)
    with open(TARGET, "w") as f:
        json.dump(made, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
