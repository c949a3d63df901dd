"""Prints bench/compare/run.sh's results (`key value` lines) as one markdown table."""
import os
import sys

r = {}
for line in open(sys.argv[1]):
    parts = line.split(None, 1)
    if len(parts) == 2:
        r[parts[0]] = parts[1].strip()


def num(key):
    try:
        return float(r[key])
    except (KeyError, ValueError):
        return None


def fmt(value, digits=0, unit=""):
    return "n/a" if value is None else f"{value:,.{digits}f}{unit}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def met(ok):
    return "n/a" if ok is None else ("yes" if ok else "**no**")


torch = "torch" not in r or r["torch"] != "missing"
blas = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
fair = any(name in blas for name in ("openblas", "blis", "mkl")) or not os.path.exists(blas)
trains = {t: num(f"train_samples_s_{t}") for t in (1, 2)}
best_threads = max((t for t in trains if trains[t]), key=lambda t: trains[t], default=None)
tbest = trains.get(best_threads)
r["train_best_threads"] = str(best_threads)
t1 = max(filter(None, [num("infer1_samples_s_1"), num("infer1_samples_s_2")]), default=None)
t1024 = max(filter(None, [num("infer1024_samples_s_1"), num("infer1024_samples_s_2")]), default=None)
job = num("job_samples_s")
outside = num("outside_epochs_pct")
i1, i1024 = num("infer1_samples_s"), num("infer1024_samples_s")
p50, p99, rps8 = num("iris_p50_1"), num("iris_p99_1"), num("iris_rps_8")
ingest, parse = num("ingest_mb_s"), num("parse_mb_s")
wrong = sum(int(r.get(k, "0") or 0) for k in ("iris_wrong_1", "iris_wrong_8"))
anchor = f"PyTorch {r.get('train_best_threads', '?')} thread(s)" if torch else "PyTorch missing"

print("| goal | what the user waits for | Chainrule (HTTP, packaged jar) | PyTorch / floor | ratio | target | met |")
print("|---|---|---|---|---|---|---|")
print(f"| 1 | threads a W1 job trains on (default: cores ÷ jobs) | {r.get('threads', '?')} | "
      f"{anchor} | | bit-identical on any count (tests) | see tests |")
print(f"| 2 | W1 784-256-128-10 SGD b128, 4 epochs, RUNNING → SUCCEEDED, samples/s | {fmt(job)} | "
      f"{fmt(tbest)} | {fmt(ratio(job, tbest), 2, '×')} | ≥ 1.2× | {met(None if not fair or not tbest or not job else job / tbest >= 1.2)} |")
print(f"| 2 | the same, the epochs alone, samples/s | {fmt(num('epochs_samples_s'))} | {fmt(tbest)} | "
      f"{fmt(ratio(num('epochs_samples_s'), tbest), 2, '×')} | | |")
print(f"| 2 | time outside the epochs | {fmt(outside, 1, ' %')} | | | ≤ 5 % | "
      f"{met(None if outside is None else outside <= 5)} |")
print(f"| 3 | W1 inference, batch 1, samples/s (HTTP JSON vs in-process) | {fmt(i1)} | {fmt(t1)} | "
      f"{fmt(ratio(i1, t1), 2, '×')} | ≥ 2× | {met(None if not fair or not i1 or not t1 else i1 / t1 >= 2)} |")
print(f"| 3 | W1 inference, batch 1024, samples/s (HTTP CSV vs in-process) | {fmt(i1024)} | {fmt(t1024)} | "
      f"{fmt(ratio(i1024, t1024), 2, '×')} | ≥ 1.2× | {met(None if not fair or not i1024 or not t1024 else i1024 / t1024 >= 1.2)} |")
print(f"| 4 | iris batch 1, 1 connection: requests/s, p50 / p99 ms | {fmt(num('iris_rps_1'))}, "
      f"{fmt(p50, 2)} / {fmt(p99, 2)} | floor {fmt(num('floor_rps_1'))}, {fmt(num('floor_p50_1'), 2)} / "
      f"{fmt(num('floor_p99_1'), 2)} | {fmt(ratio(num('iris_rps_1'), num('floor_rps_1')), 2, '×')} | "
      f"p50 < 1, p99 < 5 | {met(None if p50 is None or p99 is None else p50 < 1 and p99 < 5)} |")
print(f"| 4 | iris batch 1, 8 connections: requests/s, p50 / p99 ms | {fmt(rps8)}, {fmt(num('iris_p50_8'), 2)} / "
      f"{fmt(num('iris_p99_8'), 2)} | floor {fmt(num('floor_rps_8'))}, {fmt(num('floor_p50_8'), 2)} / "
      f"{fmt(num('floor_p99_8'), 2)} | {fmt(ratio(rps8, num('floor_rps_8')), 2, '×')} | ≥ 5,000/s | "
      f"{met(None if rps8 is None else rps8 >= 5000)} |")
print(f"| 4 | wrong predictions under load | {wrong} | | | 0 | {met(wrong == 0)} |")
print(f"| 5 | raw text/csv upload of the W1 file, -Xmx512m, MB/s | {fmt(ingest, 1)} | "
      f"{r.get('parse_reader', 'parser')} alone {fmt(parse, 1)} | {fmt(ratio(ingest, parse), 2, '×')} | "
      f"≥ 100 MB/s and ≥ 1.5× | {met(None if ingest is None else ingest >= 100 and (parse is None or ingest >= 1.5 * parse))} |")
if not torch:
    print("\nPyTorch is not installed: `apt-get install python3-torch python3-numpy` (Debian), then run again.")

if torch and not fair:
    print(f"\nPyTorch multiplies through `{blas}`, Debian's reference BLAS, not an optimised one: its rates here "
          "are a small fraction of what it reaches with `apt-get install libopenblas0-pthread`, so the ratios "
          "against it flatter Chainrule and say nothing about the goals.")
