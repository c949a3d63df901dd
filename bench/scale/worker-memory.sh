#!/usr/bin/env bash
# What a worker pod needs: the resident memory (RSS) of a worker process training W1-sized jobs
# (MLP 784-256-128-10, batch 128, SGD) on a dataset of 784 numeric features, first one job, then
# two at once. Usage: bench/scale/worker-memory.sh [ROWS] [EPOCHS]   (defaults: 20000 rows, 3 epochs)
#
# One API process (where the dataset is uploaded) and one worker process (two job slots), on a
# fresh PostgreSQL database, with the JVM settings of deploy/kubernetes: -Xmx1g, JavaCPP maxbytes
# 1g. The worker's RSS and heap are sampled twice a second; a JVM rarely gives memory back, so the
# second phase's peak is the peak of the worker that trained one job and then two. Prints a
# markdown table.
source "$(dirname "$0")/lib.sh"
rows=${1:-20000}
epochs=${2:-3}
csv=$OUT/w1-$rows.csv
[ -f "$csv" ] || java "$ROOT/bench/scale/W1Csv.java" "$csv" "$rows"
WORKER_JVM=(-Xmx1g -Dorg.bytedeco.javacpp.maxbytes=1g)

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
heap_mb() { awk '{ printf "%d", $1 / 1048576 }' <<< "$(metric "$1" 'jvm_memory_used_bytes{application="chainrule",area="heap"')"; }

# train COUNT: submits COUNT jobs at once and samples the worker until they have ended.
train() {
    local count=$1 started peak=0 peak_heap=0 heap
    for i in $(seq 1 "$count"); do
        post_json "$api/jobs" '{"modelId": "'"$model"'", "datasetId": "'"$dataset"'", "epochs": '"$epochs"',
            "batchSize": 128, "validationSplit": 0, "seed": '"$i"', "optimizer": {"type": "sgd", "learningRate": 0.01}}' >/dev/null
    done
    while [ "$(sql "$database" "SELECT count(*) FROM job WHERE status IN ('QUEUED', 'RUNNING')")" != 0 ]; do
        peak=$(( $(rss_mb "$worker") > peak ? $(rss_mb "$worker") : peak ))
        heap=$(heap_mb "$worker_port")
        peak_heap=$(( heap > peak_heap ? heap : peak_heap ))
        sleep 0.5
    done
    local failed
    failed=$(sql "$database" "SELECT count(*) FROM job WHERE status <> 'SUCCEEDED'")
    [ "$failed" = 0 ] || { echo "$failed jobs did not succeed; see $OUT" >&2; exit 1; }
    printf '| %d | %d | %d | %d | %d |\n' "$count" "$idle" "$peak" "$((peak - idle))" "$peak_heap"
}

create_database
database=$DATABASE
api_port=$(free_port)
start_service memory-api api "$database" "$api_port" -Xmx1g
await_healthy "$api_port" "$SERVICE_PID"
worker_port=$(free_port)
start_service memory-worker worker "$database" "$worker_port" "${WORKER_JVM[@]}" --chainrule.runner.concurrency=2
worker=$SERVICE_PID
await_healthy "$worker_port" "$worker"
api="http://127.0.0.1:$api_port/api/v1"
dataset=$(curl -sf "$api/datasets?name=w1" -H 'Content-Type: text/csv' --data-binary @"$csv" \
    | sed -E 's/^\{"id":"([^"]+)".*/\1/')
[ -n "$dataset" ] || { echo "the upload failed; see $OUT/memory-api" >&2; exit 1; }
model=$(post_json "$api/models" '{"name": "w1", "layers": [{"type": "dense", "units": 256, "activation": "relu"},
    {"type": "dense", "units": 128, "activation": "relu"}, {"type": "dense", "units": 10, "activation": "softmax"}],
    "loss": "cross_entropy", "seed": 1}')
sleep 2
idle=$(rss_mb "$worker")
echo "$rows rows x 784 features, $epochs epochs per job"
echo
echo "| jobs at once | worker RSS idle MB | RSS peak MB | peak − idle MB | heap used peak MB |"
echo "|---|---|---|---|---|"
train 1
train 2
