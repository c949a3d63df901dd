"""PyTorch side of bench/compare/run.sh: the same W1 file, shapes and optimizer as the service.

Prints `key value` lines. Usage: /usr/bin/python3 bench/compare/pytorch.py W1.csv
(Debian: apt-get install python3-torch python3-numpy)."""
import sys
import time

import numpy as np
import torch

path = sys.argv[1]
start = time.perf_counter()
# numpy's C reader; pandas is used when installed (the usual anchor for CSV parsing)
try:
    import pandas
    table = pandas.read_csv(path, dtype=np.float32).to_numpy()
    reader = "pandas.read_csv"
except ImportError:
    table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)
    reader = "numpy.loadtxt"
parse_s = time.perf_counter() - start
import os
print("parse_reader", reader)
print("parse_mb_s", os.path.getsize(path) / 1e6 / parse_s)

x = torch.from_numpy(np.ascontiguousarray(table[:, :-1]))
y = torch.from_numpy(table[:, -1].astype(np.int64))


def model():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                               torch.nn.ReLU(), torch.nn.Linear(128, 10))


best_threads, best_rate = 1, 0.0
for threads in (1, 2):
    torch.set_num_threads(threads)
    net = model()
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(1)
    start = time.perf_counter()
    for epoch in range(4):
        order = torch.randperm(x.shape[0], generator=generator)
        for i in range(0, x.shape[0], 128):
            index = order[i:i + 128]
            opt.zero_grad()
            loss = loss_fn(net(x[index]), y[index])
            loss.backward()
            opt.step()
    rate = 4 * x.shape[0] / (time.perf_counter() - start)
    print(f"train_samples_s_{threads}", rate)
    if rate > best_rate:
        best_threads, best_rate = threads, rate
print("train_best_threads", best_threads)
print("train_best", best_rate)

def samples_per_second(net, batch):
    """Forward passes of one batch for two seconds, after a warm-up."""
    with torch.no_grad():
        for _ in range(20):
            net(batch)
        calls, start = 0, time.perf_counter()
        while time.perf_counter() - start < 2:
            net(batch)
            calls += 1
        return batch.shape[0] * calls / (time.perf_counter() - start)


for threads in (1, 2):
    torch.set_num_threads(threads)
    print(f"infer1_samples_s_{threads}", samples_per_second(net, x[:1]))
    print(f"infer1024_samples_s_{threads}", samples_per_second(net, x[:1024]))
