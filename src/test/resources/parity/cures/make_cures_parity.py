#!/usr/bin/python3
"""Writes the PyTorch parity fixtures of batch normalization, residual blocks and gradient clipping
(float64 reference numbers for CuresParityTest).

Run with Debian's python3-torch (PyTorch 1.13, CPU):

    /usr/bin/python3 src/test/resources/parity/cures/make_cures_parity.py

Each fixture holds a model in the service's JSON form (dense, batch_norm and residual layers), its
initial parameters in the form of a model's "parameters" (dense: weights [fan_in][fan_out] and bias;
batch_norm: gamma, beta, runningMean, runningVar; a residual block's projection after its inner
layers), one batch, and what PyTorch computes: the training-mode output, the loss, the gradient of
every parameter (flattened in the order of the entries: weights row-major then bias, or gamma then
beta), the gradient of the input, the eval-mode output, and the parameters and running statistics
after 1 and 3 full-batch steps of SGD with momentum and of Adam, with the fixture's gradient clipping.
Batch norm is torch.nn.functional.batch_norm, which is what nn.BatchNorm1d calls: batch statistics
in training (running mean and unbiased running variance updated with the momentum), running
statistics in eval mode.
"""
import json
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
STEPS = 3
OPTIMIZERS = {
    "sgd_momentum": {"type": "sgd", "lr": 0.1, "momentum": 0.9},
    "adam": {"type": "adam", "lr": 0.01, "betas": [0.9, 0.999], "eps": 1e-8},
}


def dense(units, activation):
    return {"type": "dense", "units": units, "activation": activation}


def batch_norm(momentum=0.1, epsilon=1e-5):
    return {"type": "batch_norm", "momentum": momentum, "epsilon": epsilon}


def residual(layers, projection=False):
    return {"type": "residual", "layers": layers, "projection": projection}


FIXTURES = [
    dict(name="batch_norm_relu_softmax_ce", inputs=4, rows=7, seed=31, loss="cross_entropy",
         layers=[dense(6, "relu"), batch_norm(), dense(3, "softmax")]),
    dict(name="batch_norm_first_and_between_tanh_mse", inputs=3, rows=6, seed=32, loss="mse",
         layers=[batch_norm(0.3, 1e-3), dense(5, "tanh"), batch_norm(1.0, 1e-5), dense(2, "identity")]),
    dict(name="residual_tanh_softmax_ce", inputs=4, rows=6, seed=33, loss="cross_entropy",
         layers=[dense(5, "relu"), residual([dense(5, "tanh"), dense(5, "identity")]), dense(3, "softmax")]),
    dict(name="residual_projection_nested_batch_norm_mse", inputs=4, rows=6, seed=34, loss="mse",
         layers=[dense(6, "relu"),
                 residual([dense(3, "relu"), batch_norm(), residual([dense(3, "tanh")])], projection=True),
                 dense(2, "identity")]),
    dict(name="clip_norm_sigmoid_ce", inputs=4, rows=6, seed=35, loss="cross_entropy", clip_norm=0.05,
         layers=[dense(5, "sigmoid"), dense(3, "softmax")]),
    dict(name="clip_value_tanh_mse", inputs=3, rows=5, seed=36, loss="mse", clip_value=0.02,
         layers=[dense(4, "tanh"), dense(2, "identity")]),
]

ACTIVATIONS = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu, "identity": lambda z: z,
               "softmax": lambda z: z}  # softmax is fused into the cross-entropy loss


def draw_parameters(layers, width, rng):
    """Entries in the order the engine declares them; returns (entries, output width)."""
    entries = []
    for layer in layers:
        if layer["type"] == "dense":
            limit = 1 / np.sqrt(width)
            entries.append({"weights": np.round(rng.uniform(-limit, limit, (width, layer["units"])), 6).tolist(),
                            "bias": np.round(rng.uniform(-limit, limit, layer["units"]), 6).tolist()})
            width = layer["units"]
        elif layer["type"] == "batch_norm":
            entries.append({"gamma": np.round(rng.uniform(0.5, 1.5, width), 6).tolist(),
                            "beta": np.round(rng.uniform(-0.3, 0.3, width), 6).tolist(),
                            "runningMean": np.round(rng.uniform(-0.2, 0.2, width), 6).tolist(),
                            "runningVar": np.round(rng.uniform(0.5, 1.5, width), 6).tolist()})
        else:
            inner, inner_width = draw_parameters(layer["layers"], width, rng)
            entries.extend(inner)
            if layer["projection"]:
                limit = 1 / np.sqrt(width)
                entries.append({"weights": np.round(rng.uniform(-limit, limit, (width, inner_width)), 6).tolist(),
                                "bias": np.round(rng.uniform(-limit, limit, inner_width), 6).tolist()})
            width = inner_width
    return entries, width


class Model:
    """The fixture's network in PyTorch, float64, with W shaped [fan_in, fan_out] as in the engine."""

    def __init__(self, fixture, entries):
        self.fixture = fixture
        self.tensors = []   # per entry: dict of tensors
        for e in entries:
            t = {}
            for k, v in e.items():
                t[k] = torch.tensor(v, dtype=torch.float64, requires_grad=k in ("weights", "bias", "gamma", "beta"))
            self.tensors.append(t)

    def trainable(self):
        out = []
        for t in self.tensors:
            out.extend([t[k] for k in ("weights", "bias", "gamma", "beta") if k in t])
        return out

    def forward(self, x, training):
        self.cursor = 0
        return self.run(self.fixture["layers"], x, training, True)

    def run(self, layers, a, training, top):
        for i, layer in enumerate(layers):
            last = top and i == len(layers) - 1
            if layer["type"] == "dense":
                t = self.tensors[self.cursor]
                self.cursor += 1
                z = a @ t["weights"] + t["bias"]
                a = z if last else ACTIVATIONS[layer["activation"]](z)
            elif layer["type"] == "batch_norm":
                t = self.tensors[self.cursor]
                self.cursor += 1
                a = torch.nn.functional.batch_norm(a, t["runningMean"], t["runningVar"], t["gamma"], t["beta"],
                                                   training=training, momentum=layer["momentum"],
                                                   eps=layer["epsilon"])
            else:
                inner = self.run(layer["layers"], a, training, False)
                if layer["projection"]:
                    t = self.tensors[self.cursor]
                    self.cursor += 1
                    a = inner + (a @ t["weights"] + t["bias"])
                else:
                    a = inner + a
        return a

    def loss(self, z, y):
        output = self.fixture["layers"][-1]["activation"]
        if self.fixture["loss"] == "cross_entropy":
            return torch.nn.functional.cross_entropy(z, torch.tensor(y, dtype=torch.int64))
        return torch.nn.functional.mse_loss(ACTIVATIONS[output](z), torch.tensor(y, dtype=torch.float64))

    def output(self, z):
        if self.fixture["loss"] == "cross_entropy":
            return torch.softmax(z, dim=1)
        return ACTIVATIONS[self.fixture["layers"][-1]["activation"]](z)

    def entries(self):
        return [{k: v.detach().numpy().tolist() for k, v in t.items()} for t in self.tensors]

    def gradients(self):
        flat = []
        for p in self.trainable():
            flat.extend(np.ravel(p.grad.detach().numpy()).tolist())
        return flat

    def clip(self):
        if "clip_norm" in self.fixture:
            torch.nn.utils.clip_grad_norm_(self.trainable(), self.fixture["clip_norm"])
        if "clip_value" in self.fixture:
            torch.nn.utils.clip_grad_value_(self.trainable(), self.fixture["clip_value"])


def fixture(f):
    rng = np.random.default_rng(f["seed"])
    entries, outputs = draw_parameters(f["layers"], f["inputs"], rng)
    x = np.round(rng.uniform(-2, 2, (f["rows"], f["inputs"])), 6)
    if f["loss"] == "cross_entropy":
        y = [int(v) for v in rng.integers(0, outputs, f["rows"])]
    else:
        y = np.round(rng.uniform(-2, 2, (f["rows"], outputs)), 6).tolist()

    model = Model(f, entries)
    with torch.no_grad():
        eval_output = model.output(model.forward(torch.tensor(x), False)).numpy().tolist()
    xt = torch.tensor(x, requires_grad=True)
    z = model.forward(xt, True)
    loss = model.loss(z, y)
    loss.backward()
    document = {
        "name": f["name"],
        "description": "float64; produced by PyTorch %s (make_cures_parity.py)" % torch.__version__,
        "model": {"inputs": f["inputs"], "layers": f["layers"], "loss": f["loss"]},
        "clipping": {"gradientClipNorm": f.get("clip_norm"), "gradientClipValue": f.get("clip_value")},
        "initial_parameters": entries,
        "batch": {"x": x.tolist(), "y": y},
        "eval_output_initial": eval_output,
        "train_output": model.output(z).detach().numpy().tolist(),
        "loss_value": loss.item(),
        "grads": model.gradients(),
        "input_grad": xt.grad.numpy().tolist(),
        "parameters_after_forward": model.entries(),
        "optimizer_steps": {},
        "tolerance_abs": 1e-6,
    }
    for name, spec in OPTIMIZERS.items():
        model = Model(f, entries)
        if spec["type"] == "sgd":
            optimizer = torch.optim.SGD(model.trainable(), lr=spec["lr"], momentum=spec["momentum"])
        else:
            optimizer = torch.optim.Adam(model.trainable(), lr=spec["lr"], betas=tuple(spec["betas"]), eps=spec["eps"])
        losses, after_one = [], None
        for step in range(STEPS):
            optimizer.zero_grad()
            loss = model.loss(model.forward(torch.tensor(x), True), y)
            losses.append(loss.item())
            loss.backward()
            model.clip()
            optimizer.step()
            if step == 0:
                after_one = model.entries()
        with torch.no_grad():
            eval_after = model.output(model.forward(torch.tensor(x), False)).numpy().tolist()
        document["optimizer_steps"][name] = dict(spec, loss_before_each_step=losses, after_1_step=after_one,
                                                 after_3_steps=model.entries(), eval_output_after_3_steps=eval_after)
    return document


def main():
    torch.set_num_threads(1)
    for f in FIXTURES:
        document = fixture(f)
        with open(os.path.join(HERE, f["name"] + ".json"), "w") as out:
            json.dump(document, out, indent=1)
        print("wrote", f["name"])


if __name__ == "__main__":
    main()
