"""PyTorch side of bench/compare/run.sh: the same W1 file, shapes and optimizer as the service.

Prints `key value` lines for one thread count, which must also be in OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS before Python starts (Debian's torch multiplies with OpenBLAS, whose pool
torch.set_num_threads does not reach). Usage:
  OMP_NUM_THREADS=N OPENBLAS_NUM_THREADS=N /usr/bin/python3 bench/compare/pytorch.py W1.csv N [parse]
(Debian: apt-get install python3-torch python3-numpy)."""
import os
import sys
import time

import numpy as np
import torch

path = sys.argv[1]
threads = int(sys.argv[2])
measure_parse = len(sys.argv) > 3
torch.set_num_threads(threads)
start = time.perf_counter()
# numpy's C reader, or pandas when installed (the usual anchor for CSV parsing); the parsed table is
# kept beside the file for the runs that do not time parsing
if measure_parse:
    try:
        import pandas
        table = pandas.read_csv(path, dtype=np.float32).to_numpy()
        reader = "pandas.read_csv"
    except ImportError:
        table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)
        reader = "numpy.loadtxt"
    print("parse_reader", reader)
    print("parse_mb_s", os.path.getsize(path) / 1e6 / (time.perf_counter() - start))
    np.save(path + ".npy", table)
else:
    table = np.load(path + ".npy")

x = torch.from_numpy(np.ascontiguousarray(table[:, :-1]))
y = torch.from_numpy(table[:, -1].astype(np.int64))


def model():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                               torch.nn.ReLU(), torch.nn.Linear(128, 10))


net = model()
opt = torch.optim.SGD(net.parameters(), lr=0.01)
loss_fn = torch.nn.CrossEntropyLoss()
generator = torch.Generator().manual_seed(1)
# 4 epochs, or what fits in 90 s (a torch on Debian's reference BLAS runs ~100x slower)
start, samples = time.perf_counter(), 0
for epoch in range(4):
    order = torch.randperm(x.shape[0], generator=generator)
    for i in range(0, x.shape[0], 128):
        index = order[i:i + 128]
        opt.zero_grad()
        loss = loss_fn(net(x[index]), y[index])
        loss.backward()
        opt.step()
        samples += len(index)
        if time.perf_counter() - start > 90:
            break
    if time.perf_counter() - start > 90:
        break
print(f"train_samples_s_{threads}", samples / (time.perf_counter() - start))


def samples_per_second(net, batch):
    """Forward passes of one batch for two seconds, after a warm-up."""
    with torch.no_grad():
        for _ in range(3):
            net(batch)
        calls, start = 0, time.perf_counter()
        while time.perf_counter() - start < 2 or calls == 0:
            net(batch)
            calls += 1
        return batch.shape[0] * calls / (time.perf_counter() - start)


print(f"infer1_samples_s_{threads}", samples_per_second(net, x[:1]))
print(f"infer1024_samples_s_{threads}", samples_per_second(net, x[:1024]))
