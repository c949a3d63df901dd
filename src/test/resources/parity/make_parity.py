#!/usr/bin/python3
"""Writes the PyTorch parity fixtures of this directory (float64 reference numbers for ParityTest).

Run from anywhere with Debian's python3-torch (PyTorch 1.13, CPU):

    /usr/bin/python3 src/test/resources/parity/make_parity.py            # rewrite every fixture
    /usr/bin/python3 src/test/resources/parity/make_parity.py --check    # compare with the files, write nothing

Each fixture is a small MLP (z = a @ W + b with W shaped [fan_in, fan_out], every hidden layer with
the same activation), its initial parameters and one batch, and what PyTorch computes for them: the
forward output, the loss, every gradient, and the parameters after 1 and 3 full-batch steps of each
optimizer. An independent NumPy implementation of the same network and rules recomputes every
number; the largest differences go into "cross_check_numpy_max_abs_diff".

The two oldest fixtures keep their recorded inputs (RECORDED below); the others draw theirs from a
seeded NumPy generator, rounded to 6 decimals so that the files stay readable.
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))

LAYOUT = ("params[l].W has shape [fan_in, fan_out] and a layer computes z = a @ W + b "
          "(PyTorch's nn.Linear.weight is W transposed). Gradients use the same layout.")

LOSS_TEXT = {
    "cross_entropy": "cross_entropy: mean over the batch of -log softmax(z)[label] (== nn.CrossEntropyLoss() on logits z)",
    "mse": "mse: mean over ALL batch*outputs elements of ({a} - y)^2 (== nn.MSELoss())",
    "mae": "mae: mean over ALL batch*outputs elements of |{a} - y| (== nn.L1Loss())",
    "huber": "huber: mean over ALL batch*outputs elements of d^2/2 if |d| < 1 else |d| - 1/2, d = {a} - y "
             "(== nn.HuberLoss(delta=1.0))",
    "binary_cross_entropy": "binary_cross_entropy: mean over ALL batch*outputs elements of "
                            "-(y*log(sigmoid(z)) + (1-y)*log(1-sigmoid(z))) (== nn.BCEWithLogitsLoss() on logits z)",
}
LOSS_SHORT = {"cross_entropy": "ce", "mse": "mse", "mae": "mae", "huber": "huber", "binary_cross_entropy": "bce"}

OPTIMIZERS = {
    "sgd": {"type": "sgd", "lr": 0.1, "momentum": 0.0, "rule": "p -= lr * g"},
    "sgd_momentum": {"type": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": False, "dampening": 0.0,
                     "rule": "buf = g (step 1), buf = 0.9*buf + g (later); p -= lr * buf   [torch.optim.SGD]"},
    "sgd_nesterov": {"type": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": True,
                     "rule": "buf as above; p -= lr * (g + 0.9*buf)   [torch.optim.SGD nesterov=True]"},
    "adam": {"type": "adam", "lr": 0.01, "betas": [0.9, 0.999], "eps": 1e-08, "weight_decay": 0.0, "amsgrad": False,
             "rule": "m = b1*m + (1-b1)*g; v = b2*v + (1-b2)*g^2; p -= lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps)"
                     "   [torch.optim.Adam; eps added AFTER bias-correcting v, as in Kingma & Ba Algorithm 1]"},
    "rmsprop": {"type": "rmsprop", "lr": 0.01, "alpha": 0.99, "eps": 1e-08, "momentum": 0.0, "weight_decay": 0.0,
                "centered": False,
                "rule": "v = alpha*v + (1-alpha)*g^2; p -= lr * g / (sqrt(v) + eps)   [torch.optim.RMSprop]"},
    "rmsprop_momentum": {"type": "rmsprop", "lr": 0.01, "alpha": 0.9, "eps": 1e-08, "momentum": 0.5,
                         "weight_decay": 0.1, "centered": False,
                         "rule": "g += wd*p; v = alpha*v + (1-alpha)*g^2; buf = mu*buf + g / (sqrt(v) + eps); "
                                 "p -= lr * buf   [torch.optim.RMSprop momentum=0.5 weight_decay=0.1]"},
}
STEPS = 3

# Inputs of the two oldest fixtures as they were recorded: initial parameters (W [fan_in][fan_out], b) and the batch.
RECORDED = {
    "mlp_4_5_3_tanh_softmax_ce": {
        "params": [
            ([[-0.668574, -0.0013, 0.182697, -0.84836, -0.633733],
              [0.77078, -0.773243, -0.666407, 0.806991, 0.21939],
              [-0.235812, 0.020502, 0.293117, -0.404444, -0.651657],
              [0.518471, 0.306649, 0.022288, 0.570126, 0.088335]],
             [-0.211385, 0.104017, -0.17867, 0.240859, -0.169711]),
            ([[0.865645, -0.531883, 0.096715],
              [-0.029476, -0.264105, 0.164872],
              [-0.476458, 0.543965, 0.6612],
              [-0.668233, -0.059268, -0.401139],
              [-0.750389, 0.7127, -0.126092]],
             [-0.280155, -0.179539, -0.092551]),
        ],
        "x": [[-0.124367, 1.624537, 0.789444, -0.642717],
              [-1.932491, -1.360705, 1.985744, -0.161136],
              [0.76416, -1.781328, -1.863799, 1.38356],
              [0.351528, -0.765161, -0.730493, -1.643051],
              [-1.309322, -1.901656, 1.356499, -0.134787],
              [-1.491188, 0.956987, -1.217389, -1.752319]],
        "y": [1, 2, 1, 0, 0, 2],
    },
    "mlp_3_4_1_sigmoid_sigmoid_mse": {
        "params": [
            ([[-0.448516, 0.804155, -0.559223, -0.577275],
              [-0.270199, -0.485026, 0.306802, -0.692857],
              [0.713357, 0.644635, -0.894911, 0.074639]],
             [-0.019112, 0.25651, -0.144737, -0.187266]),
            ([[-0.707668],
              [-0.435681],
              [-0.149587],
              [-0.083491]],
             [0.102306]),
        ],
        "x": [[1.786475, 1.691244, 1.521],
              [-1.742577, 1.746784, 0.596961],
              [1.486223, -0.367606, -1.12244],
              [1.17188, 0.646538, 1.11536],
              [-1.194621, -1.462593, 1.0545]],
        "y": [[0.020229], [0.945601], [0.135088], [0.60011], [0.419007]],
    },
}

FIXTURES = [
    # layers, hidden activation, output activation, loss, batch rows, seed of the drawn inputs
    dict(layers=[4, 5, 3], hidden="tanh", output="softmax", loss="cross_entropy", rows=6),
    dict(layers=[3, 4, 1], hidden="sigmoid", output="sigmoid", loss="mse", rows=5),
    dict(layers=[4, 6, 5, 3], hidden="relu", output="softmax", loss="cross_entropy", rows=7, seed=11),
    dict(layers=[3, 6, 2], hidden="relu", output="identity", loss="mse", rows=6, seed=12),
    dict(layers=[3, 5, 2], hidden="tanh", output="identity", loss="mae", rows=6, seed=13),
    dict(layers=[3, 5, 2], hidden="relu", output="identity", loss="huber", rows=6, seed=14),
    dict(layers=[4, 5, 3], hidden="relu", output="sigmoid", loss="binary_cross_entropy", rows=6, seed=15),
]


def name_of(f):
    return "mlp_%s_%s_%s_%s" % ("_".join(map(str, f["layers"])), f["hidden"], f["output"], LOSS_SHORT[f["loss"]])


# ---------------------------------------------------------------- inputs

def inputs(f):
    name = name_of(f)
    if name in RECORDED:
        recorded = RECORDED[name]
        return [(np.array(w, dtype=np.float64), np.array(b, dtype=np.float64)) for w, b in recorded["params"]], \
            np.array(recorded["x"], dtype=np.float64), recorded["y"]
    rng = np.random.default_rng(f["seed"])
    widths = f["layers"]
    params = []
    for fan_in, fan_out in zip(widths[:-1], widths[1:]):
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        w = np.round(rng.uniform(-limit, limit, size=(fan_in, fan_out)), 6)
        b = np.round(rng.uniform(-0.3, 0.3, size=fan_out), 6)
        params.append((w, b))
    rows, outputs = f["rows"], widths[-1]
    x = np.round(rng.uniform(-2, 2, size=(rows, widths[0])), 6)
    if f["loss"] == "cross_entropy":
        y = [int(v) for v in rng.integers(0, outputs, size=rows)]
    elif f["loss"] == "binary_cross_entropy":
        y = rng.integers(0, 2, size=(rows, outputs)).astype(np.float64).tolist()
    else:
        # targets from -2 to 2 put some of Huber's and MAE's differences on each side of 1
        y = np.round(rng.uniform(-2, 2, size=(rows, outputs)), 6).tolist()
    return params, x, y


# ---------------------------------------------------------------- PyTorch

ACTIVATIONS = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu, "identity": lambda z: z,
               "softmax": lambda z: torch.softmax(z, dim=1)}


def torch_forward(f, params, x):
    a = x
    for l, (w, b) in enumerate(params):
        z = a @ w + b
        a = ACTIVATIONS[f["hidden"] if l < len(params) - 1 else f["output"]](z)
    return z, a


def torch_loss(f, z, a, y):
    loss = f["loss"]
    if loss == "cross_entropy":
        return torch.nn.functional.cross_entropy(z, y)
    if loss == "binary_cross_entropy":
        return torch.nn.functional.binary_cross_entropy_with_logits(z, y)
    if loss == "mse":
        return torch.nn.functional.mse_loss(a, y)
    if loss == "mae":
        return torch.nn.functional.l1_loss(a, y)
    return torch.nn.functional.huber_loss(a, y, delta=1.0)


def torch_target(f, y):
    return torch.tensor(y, dtype=torch.int64 if f["loss"] == "cross_entropy" else torch.float64)


def as_tensors(params):
    return [(torch.tensor(w, dtype=torch.float64, requires_grad=True),
             torch.tensor(b, dtype=torch.float64, requires_grad=True)) for w, b in params]


def torch_optimizer(spec, tensors):
    flat = [t for pair in tensors for t in pair]
    if spec["type"] == "sgd":
        return torch.optim.SGD(flat, lr=spec["lr"], momentum=spec["momentum"], nesterov=spec.get("nesterov", False))
    if spec["type"] == "adam":
        return torch.optim.Adam(flat, lr=spec["lr"], betas=tuple(spec["betas"]), eps=spec["eps"],
                                weight_decay=spec["weight_decay"])
    return torch.optim.RMSprop(flat, lr=spec["lr"], alpha=spec["alpha"], eps=spec["eps"], momentum=spec["momentum"],
                               weight_decay=spec["weight_decay"])


def listed(tensors, grad=False):
    return [{"W": (w.grad if grad else w).detach().numpy().tolist(), "b": (b.grad if grad else b).detach().numpy().tolist()}
            for w, b in tensors]


def with_pytorch(f, params, x, y):
    tensors = as_tensors(params)
    target = torch_target(f, y)
    z, a = torch_forward(f, tensors, torch.tensor(x))
    loss = torch_loss(f, z, a, target)
    loss.backward()
    result = {"z": z.detach().numpy(), "a": a.detach().numpy(), "loss": loss.item(), "grads": listed(tensors, True)}
    steps = {}
    for name, spec in OPTIMIZERS.items():
        tensors = as_tensors(params)
        optimizer = torch_optimizer(spec, tensors)
        losses, after_one = [], None
        for step in range(STEPS):
            optimizer.zero_grad()
            z, a = torch_forward(f, tensors, torch.tensor(x))
            loss = torch_loss(f, z, a, target)
            losses.append(loss.item())
            loss.backward()
            optimizer.step()
            if step == 0:
                after_one = listed(tensors)
        steps[name] = {"loss_before_each_step": losses, "after_1_step": after_one, "after_3_steps": listed(tensors)}
    result["steps"] = steps
    return result


# ---------------------------------------------------------------- NumPy, written independently

def np_activation(name, z):
    if name == "tanh":
        return np.tanh(z)
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "relu":
        return np.maximum(z, 0)
    if name == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    return z


def np_derivative(name, z, a):
    if name == "tanh":
        return 1 - a * a
    if name == "sigmoid":
        return a * (1 - a)
    if name == "relu":
        return (z > 0).astype(np.float64)
    return np.ones_like(z)


def np_pass(f, params, x, y):
    """Forward, loss and backward by hand: (z, a, loss, [(dW, db)])."""
    inputs_, zs, acts = [], [], []
    a = x
    for l, (w, b) in enumerate(params):
        inputs_.append(a)
        z = a @ w + b
        a = np_activation(f["hidden"] if l < len(params) - 1 else f["output"], z)
        zs.append(z)
        acts.append(a)
    z, a, loss_name, n = zs[-1], acts[-1], f["loss"], acts[-1].size
    if loss_name == "cross_entropy":
        onehot = np.eye(z.shape[1])[y]
        lse = z.max(axis=1) + np.log(np.exp(z - z.max(axis=1, keepdims=True)).sum(axis=1))
        loss = np.mean(lse - (z * onehot).sum(axis=1))
        dz = (a - onehot) / z.shape[0]
    elif loss_name == "binary_cross_entropy":
        t = np.array(y)
        loss = np.mean(np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))) - z * t)
        dz = (a - t) / n
    else:
        d = a - np.array(y)
        if loss_name == "mse":
            loss, da = np.mean(d * d), 2 * d / n
        elif loss_name == "mae":
            loss, da = np.mean(np.abs(d)), np.sign(d) / n
        else:
            loss = np.mean(np.where(np.abs(d) < 1, 0.5 * d * d, np.abs(d) - 0.5))
            da = np.clip(d, -1, 1) / n
        dz = da * np_derivative(f["output"], z, a)
    grads = [None] * len(params)
    for l in range(len(params) - 1, -1, -1):
        grads[l] = (inputs_[l].T @ dz, dz.sum(axis=0))
        if l > 0:
            dz = (dz @ params[l][0].T) * np_derivative(f["hidden"], zs[l - 1], acts[l - 1])
    return z, a, loss, grads


def np_steps(f, params, x, y, spec):
    p = [w.copy() for pair in params for w in pair]
    state = {"buf": [np.zeros_like(v) for v in p], "m": [np.zeros_like(v) for v in p],
             "v": [np.zeros_like(v) for v in p]}
    losses, after_one, efficient_one = [], None, None
    for t in range(1, STEPS + 1):
        pairs = list(zip(p[0::2], p[1::2]))
        _, _, loss, grads = np_pass(f, pairs, x, y)
        losses.append(loss)
        g = [v for pair in grads for v in pair]
        efficient = []
        for i in range(len(p)):
            gi = g[i] + spec.get("weight_decay", 0.0) * p[i]
            if spec["type"] == "sgd":
                mu = spec["momentum"]
                if mu == 0:
                    step = gi
                else:
                    state["buf"][i] = gi.copy() if t == 1 else mu * state["buf"][i] + gi
                    step = gi + mu * state["buf"][i] if spec.get("nesterov") else state["buf"][i]
                p[i] = p[i] - spec["lr"] * step
            elif spec["type"] == "adam":
                b1, b2 = spec["betas"]
                state["m"][i] = b1 * state["m"][i] + (1 - b1) * gi
                state["v"][i] = b2 * state["v"][i] + (1 - b2) * gi * gi
                denominator = np.sqrt(state["v"][i]) / math.sqrt(1 - b2 ** t) + spec["eps"]
                efficient.append(p[i] - spec["lr"] * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
                                 * state["m"][i] / (np.sqrt(state["v"][i]) + spec["eps"]))
                p[i] = p[i] - spec["lr"] / (1 - b1 ** t) * state["m"][i] / denominator
            else:
                state["v"][i] = spec["alpha"] * state["v"][i] + (1 - spec["alpha"]) * gi * gi
                scaled = gi / (np.sqrt(state["v"][i]) + spec["eps"])
                if spec["momentum"] > 0:
                    state["buf"][i] = spec["momentum"] * state["buf"][i] + scaled
                    scaled = state["buf"][i]
                p[i] = p[i] - spec["lr"] * scaled
        if t == 1:
            after_one = [v.copy() for v in p]
            efficient_one = efficient
    return losses, after_one, p, efficient_one


# ---------------------------------------------------------------- the fixture

def flat(layers):
    return np.concatenate([np.ravel(np.array(layer[k])) for layer in layers for k in ("W", "b")])


def fixture(f):
    params, x, y = inputs(f)
    name = name_of(f)
    reference = with_pytorch(f, params, x, y)
    z, a, loss, grads = np_pass(f, params, x, y)
    cross = {"loss": abs(loss - reference["loss"]),
             "grads": float(np.max(np.abs(flat([{"W": w, "b": b} for w, b in grads]) - flat(reference["grads"])))),
             "forward": float(max(np.max(np.abs(z - reference["z"])), np.max(np.abs(a - reference["a"]))))}
    steps = {}
    for opt, spec in OPTIMIZERS.items():
        expected = reference["steps"][opt]
        losses, after_one, after_three, efficient_one = np_steps(f, params, x, y, spec)
        cross[opt] = float(max(np.max(np.abs(np.array(losses) - np.array(expected["loss_before_each_step"]))),
                               np.max(np.abs(np.concatenate([np.ravel(v) for v in after_one])
                                             - flat(expected["after_1_step"]))),
                               np.max(np.abs(np.concatenate([np.ravel(v) for v in after_three])
                                             - flat(expected["after_3_steps"])))))
        if opt == "adam":
            efficient_diff = float(np.max(np.abs(np.concatenate([np.ravel(v) for v in efficient_one])
                                                 - flat(expected["after_1_step"]))))
        steps[opt] = dict(spec, steps=STEPS, **expected)
    cross["adam_efficient_form_vs_fixture_after_1_step"] = efficient_diff
    widths = f["layers"]
    output_text = "z" if f["output"] == "identity" else "%s(z)" % f["output"]
    short = {"cross_entropy": "ce"}.get(f["loss"], LOSS_SHORT[f["loss"]])
    y_kind = {"cross_entropy": "class index", "binary_cross_entropy": "0/1 targets"}.get(f["loss"], "target values")
    return name, {
        "name": name,
        "description": "%s MLP, hidden %s, output/loss %s_%s; float64; produced by PyTorch %s (make_parity.py)"
                       % ("-".join(map(str, widths)), f["hidden"], f["output"], short, torch.__version__),
        "dtype": "float64",
        "layout": LAYOUT,
        "layers": widths,
        "hidden_activation": f["hidden"],
        "output_activation": f["output"],
        "loss": LOSS_TEXT[f["loss"]].format(a=output_text),
        "initial_params": [{"W": w.tolist(), "b": b.tolist()} for w, b in params],
        "batch": {"x": x.tolist(), "y": y, "y_kind": y_kind},
        "forward": {"pre_activation_output_z": reference["z"].tolist(), "output": reference["a"].tolist()},
        "loss_value": reference["loss"],
        "grads": reference["grads"],
        "optimizer_steps": steps,
        "tolerance_abs": 1e-06,
        "cross_check_numpy_max_abs_diff": cross,
    }


def largest_difference(old, new, path=""):
    """The largest absolute difference between the numbers both documents hold, and the paths that differ otherwise."""
    if isinstance(old, dict):
        results = [largest_difference(old[k], new[k], path + "/" + k) for k in old if k in new]
        missing = [path + "/" + k for k in old if k not in new]
        return max([r[0] for r in results], default=0.0), missing + [p for r in results for p in r[1]]
    if isinstance(old, list):
        if len(old) != len(new):
            return math.inf, [path + " (length)"]
        results = [largest_difference(o, n, "%s/%d" % (path, i)) for i, (o, n) in enumerate(zip(old, new))]
        return max([r[0] for r in results], default=0.0), [p for r in results for p in r[1]]
    if isinstance(old, bool) or isinstance(old, str):
        return 0.0, [] if old == new else [path]
    return abs(float(old) - float(new)), []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = parser.parse_args()
    torch.set_num_threads(1)
    worst = 0.0
    for f in FIXTURES:
        name, document = fixture(f)
        path = os.path.join(HERE, name + ".json")
        if os.path.exists(path):
            with open(path) as existing:
                difference, others = largest_difference(json.load(existing), document)
            worst = max(worst, difference)
            print("%-40s largest difference from the file %.3g%s" % (name, difference,
                  "; differs at " + ", ".join(others) if others else ""))
        else:
            print("%-40s new" % name)
        if not args.check:
            with open(path, "w") as out:
                json.dump(document, out, indent=1)
    if args.check and worst > 1e-12:
        sys.exit("fixtures differ from what PyTorch computes by %.3g" % worst)


if __name__ == "__main__":
    main()
