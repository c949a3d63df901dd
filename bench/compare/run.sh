#!/usr/bin/env bash
# What a user waits for, Chainrule against PyTorch and the framework's floor, in one run: prints one
# markdown table (goals 1–5 of bench/README.md#what-the-user-waits-for). Meant to take under 10 minutes on 2 cores.
# Usage: bench/compare/run.sh   (ROWS=60000 PORT=18090 to change, JFR=1 to record a profile of the service
# into bench/out/compare/server.jfr; wrk and python3-torch from Debian)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/out/compare
rows=${ROWS:-60000}
port=${PORT:-18090}
seconds=${SECONDS_PER_LOAD:-8}
mkdir -p "$out"
results=$out/results.txt
: > "$results"
note() { echo "$1 $2" >> "$results"; }

jar=$(ls target/chainrule-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/chainrule-*.jar | grep -v original | head -1)
fi
csv=$out/w1-$rows.csv
[ -f "$csv" ] || java bench/compare/W1Teacher.java "$csv" "$rows"

export KEY=bench-compare-admin-key-5f0c2d9e7a41
rm -rf "$out/data"
server=
trap 'kill $server 2>/dev/null || true' EXIT
start_service() { # start_service NAME HEAP: the packaged jar on $out/data, until it is healthy
  OMP_WAIT_POLICY=PASSIVE CHAINRULE_ADMIN_KEY=$KEY java -Xmx"$2" \
    ${JFR:+-XX:StartFlightRecording=filename=$out/$1.jfr,settings=profile} -Dorg.bytedeco.javacpp.maxbytes=3g \
    -Dorg.bytedeco.javacpp.maxphysicalbytes=6g -jar "$jar" --server.port="$port" \
    --chainrule.data-dir="./$out/data" > "$out/$1.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null; do
    kill -0 $server 2>/dev/null || { echo "the service did not start; see $out/$1.log"; exit 1; }
    sleep 1
  done
}
stop_service() { kill $server; wait $server 2>/dev/null || true; }
API=http://127.0.0.1:$port/api/v1
call() { curl -sf -H "Authorization: Bearer $KEY" "$@"; }
id() { sed -E 's/^\{"id":"([^"]+)".*/\1/'; }
await() { # await JOB: until it has ended (at most 5 minutes)
  for _ in $(seq 1 1500); do
    call "$API/jobs/$1" | grep -Eq '"status":"(succeeded|failed|cancelled)"' && return 0
    sleep 0.2
  done
  echo "job $1 did not end; see $out/serve.log" >&2; return 1
}

# 5. ingest: the W1 file as a raw text/csv body, on a service with -Xmx512m
start_service ingest 512m
bytes=$(stat -c %s "$csv")
start=$(date +%s.%N)
DATASET=$(call -H 'Content-Type: text/csv' --data-binary @"$csv" "$API/datasets?name=w1&task=classification" | id)
note ingest_mb_s "$(echo "$bytes / 1000000 / ($(date +%s.%N) - $start)" | bc -l)"
stop_service

# the rest on a heap that holds the decoded W1 rows while they are encoded for training
start_service serve 2g
note threads "$(grep -o '[0-9]* thread(s) each' "$out/serve.log" | grep -o '^[0-9]*')"

# 1, 2. the W1 job: 784-256-128-10, SGD lr 0.01, batch 128, 4 epochs, no validation rows
MODEL=$(call "$API/models" -H 'Content-Type: application/json' -d '{"name": "w1", "seed": 1,
  "layers": [{"type": "dense", "units": 256, "activation": "relu"}, {"type": "dense", "units": 128, "activation": "relu"},
             {"type": "dense", "units": 10, "activation": "softmax"}], "loss": "cross_entropy"}' | id)
JOB=$(call "$API/jobs" -H 'Content-Type: application/json' -d '{"modelId": "'$MODEL'", "datasetId": "'$DATASET'",
  "epochs": 4, "batchSize": 128, "validationSplit": 0, "optimizer": {"type": "sgd", "learningRate": 0.01}}' | id)
await "$JOB"
call "$API/jobs/$JOB" > "$out/job.json"
call "$API/jobs/$JOB/history" > "$out/history.json"
/usr/bin/env python3 - "$out/job.json" "$out/history.json" "$rows" >> "$results" <<'PY'
import json, sys
from datetime import datetime
job, history, rows = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), int(sys.argv[3])
t = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00"))
wall = (t(job["finishedAt"]) - t(job["startedAt"])).total_seconds()
epochs = sum(e["durationMs"] for e in history) / 1000
print("job_status", job["status"])
print("job_samples_s", 4 * rows / wall)
print("epochs_samples_s", 4 * rows / epochs)
print("outside_epochs_pct", 100 * (wall - epochs) / epochs)
PY

# 3. W1 inference over HTTP: one row as JSON, 1024 rows as CSV
sed -n 2p "$csv" | sed -E 's/,[^,]*$//' | awk '{ print "{\"instances\": [[" $0 "]]}" }' > "$out/w1-one.json"
head -1025 "$csv" | sed -E 's/,[^,]*$//' > "$out/w1-1024.csv"
wrk_post() { # wrk_post CONNECTIONS BODY TYPE PATH [EXPECT]: prints wrk's report
  BODY=$2 TYPE=$3 EXPECT=${5:-} wrk -t1 -c"$1" -d"${seconds}s" --latency -s bench/compare/post.lua "$API$4" 2> "$out/wrong.txt"
}
rate() { grep -o 'Requests/sec: *[0-9.]*' | grep -o '[0-9.]*$'; }
note infer1_samples_s "$(wrk_post 1 "$out/w1-one.json" application/json "/jobs/$JOB/predictions" | rate)"
r=$(wrk_post 1 "$out/w1-1024.csv" text/csv "/jobs/$JOB/predictions" | rate)
note infer1024_samples_s "$(echo "$r * 1024" | bc -l)"

# 4. iris predictions at batch 1, checked against the answer given before the load
IRIS=$(call -F file=@examples/datasets/iris.csv -F name=iris "$API/datasets" | id)
IRIS_MODEL=$(call "$API/models" -H 'Content-Type: application/json' -d '{"name": "iris", "seed": 42,
  "layers": [{"type": "dense", "units": 16, "activation": "relu"}, {"type": "dense", "units": 3, "activation": "softmax"}],
  "loss": "cross_entropy"}' | id)
IRIS_JOB=$(call "$API/jobs" -H 'Content-Type: application/json' -d '{"modelId": "'$IRIS_MODEL'", "datasetId": "'$IRIS'",
  "epochs": 30, "batchSize": 16, "optimizer": {"type": "adam", "learningRate": 0.01}}' | id)
await "$IRIS_JOB"
echo '{"instances": [[5.1, 3.5, 1.4, 0.2]]}' > "$out/iris-one.json"
call "$API/jobs/$IRIS_JOB/predictions" -H 'Content-Type: application/json' --data-binary @"$out/iris-one.json" \
  > "$out/iris-expected.json"
latency() { # latency PERCENTILE: milliseconds from wrk's --latency report
  awk -v p="$1%" '$1 == p { v = $2; if (v ~ /us$/) print v / 1000; else if (v ~ /ms$/) print v + 0; else print v * 1000 }'
}
for c in 1 8; do
  wrk_post $c "$out/iris-one.json" application/json "/jobs/$IRIS_JOB/predictions" "$out/iris-expected.json" \
    > "$out/iris-$c.txt"
  note "iris_rps_$c" "$(rate < "$out/iris-$c.txt")"
  note "iris_p50_$c" "$(latency 50 < "$out/iris-$c.txt")"
  note "iris_p99_$c" "$(latency 99 < "$out/iris-$c.txt")"
  note "iris_wrong_$c" "$(grep -c wrong "$out/wrong.txt" || true)"
  # the floor: a trivial endpoint of the same service
  wrk -t1 -c$c -d"${seconds}s" --latency "http://127.0.0.1:$port/actuator/health/liveness" > "$out/floor-$c.txt"
  note "floor_rps_$c" "$(rate < "$out/floor-$c.txt")"
  note "floor_p50_$c" "$(latency 50 < "$out/floor-$c.txt")"
  note "floor_p99_$c" "$(latency 99 < "$out/floor-$c.txt")"
done
stop_service

# PyTorch on the same file, after the service has stopped
if /usr/bin/python3 -c 'import torch, numpy' 2>/dev/null; then
  for t in 1 2; do
    OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t /usr/bin/python3 bench/compare/pytorch.py "$csv" $t \
      $([ $t = 1 ] && echo parse) >> "$results"
  done
else
  note torch missing
fi
/usr/bin/env python3 bench/compare/table.py "$results"
