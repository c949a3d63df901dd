#!/usr/bin/env bash
# What a worker pod needs: the resident memory (RSS) of a worker process training W1-sized jobs
# (MLP 784-256-128-10, batch 128, SGD) on a 60,000-row dataset, with 1 and then 2 jobs at once.
# Usage: bench/scale/worker-memory.sh [ROWS] [EPOCHS]   (defaults: 60000 rows, 3 epochs)
#
# One API process (where the dataset is uploaded) and one worker process, on a fresh PostgreSQL
# database, with the JVM settings of deploy/kubernetes: -Xmx1g, JavaCPP maxbytes 1g. The worker's
# RSS and heap are sampled twice a second; prints a markdown table.
source "$(dirname "$0")/lib.sh"
rows=${1:-60000}
epochs=${2:-3}
csv=$OUT/w1-$rows.csv
[ -f "$csv" ] || java "$ROOT/bench/scale/W1Csv.java" "$csv" "$rows"
WORKER_JVM=(-Xmx1g -Dorg.bytedeco.javacpp.maxbytes=1g)

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
heap_mb() { awk '{ printf "%d", $1 / 1048576 }' <<< "$(metric "$1" 'jvm_memory_used_bytes{application="chainrule",area="heap"')"; }

run() {
    local concurrent=$1 database api_port worker_port worker api
    create_database
    database=$DATABASE
    api_port=$(free_port)
    start_service "memory-api-$concurrent" api "$database" "$api_port" -Xmx1g
    await_healthy "$api_port" "$SERVICE_PID"
    worker_port=$(free_port)
    start_service "memory-worker-$concurrent" worker "$database" "$worker_port" "${WORKER_JVM[@]}" \
        --chainrule.runner.concurrency="$concurrent"
    worker=$SERVICE_PID
    await_healthy "$worker_port" "$worker"
    api="http://127.0.0.1:$api_port/api/v1"
    local dataset model idle peak=0 peak_heap=0 started
    dataset=$(curl -sf "$api/datasets?name=w1" -H 'Content-Type: text/csv' --data-binary @"$csv" \
        | sed -E 's/^\{"id":"([^"]+)".*/\1/')
    model=$(post_json "$api/models" '{"name": "w1", "layers": [{"type": "dense", "units": 256, "activation": "relu"},
        {"type": "dense", "units": 128, "activation": "relu"}, {"type": "dense", "units": 10, "activation": "softmax"}],
        "loss": "cross_entropy", "seed": 1}')
    sleep 2
    idle=$(rss_mb "$worker")
    started=$SECONDS
    for i in $(seq 1 "$concurrent"); do
        post_json "$api/jobs" '{"modelId": "'"$model"'", "datasetId": "'"$dataset"'", "epochs": '"$epochs"',
            "batchSize": 128, "validationSplit": 0, "seed": '"$i"', "optimizer": {"type": "sgd", "learningRate": 0.01}}' >/dev/null
    done
    while [ "$(sql "$database" "SELECT count(*) FROM job WHERE status IN ('QUEUED', 'RUNNING')")" != 0 ]; do
        peak=$(( $(rss_mb "$worker") > peak ? $(rss_mb "$worker") : peak ))
        local heap
        heap=$(heap_mb "$worker_port")
        peak_heap=$(( heap > peak_heap ? heap : peak_heap ))
        sleep 0.5
    done
    local failed seconds
    failed=$(sql "$database" "SELECT count(*) FROM job WHERE status <> 'SUCCEEDED'")
    [ "$failed" = 0 ] || { echo "$failed jobs did not succeed; see $OUT" >&2; exit 1; }
    seconds=$(sql "$database" "SELECT round(avg(extract(epoch FROM finished_at - started_at))::numeric, 1) FROM job")
    printf '| %d | %d | %d | %d | %d | %s |\n' "$concurrent" "$idle" "$peak" "$((peak - idle))" "$peak_heap" "$seconds"
    stop_services
}

echo "| jobs at once | worker RSS idle MB | RSS peak MB | peak − idle MB | heap used peak MB | job wall s (mean) |"
echo "|---|---|---|---|---|---|"
run 1
run 2
