#!/usr/bin/env bash
# What open event streams cost training: the same W1 job (784-256-128-10, batch 128, SGD) trained
# with no stream and with STREAMS streams open on it (curl clients on the same machine), in
# alternating rounds, on one instance of the packaged jar with its H2 database. Prints a markdown
# table per round: wall-clock samples/s (the median of the epochs after the streams are all
# connected; on a shared machine this moves with whatever else runs), and the CPU time the service
# spent from the moment all streams are open to the job's end, read from /proc: samples per
# CPU-second of the training thread, and the CPU of all the service's other threads (the event
# poller, Tomcat's, heartbeats, GC) as a share of the training thread's. The streams' cost is the
# difference of that share with and without them: on a machine without a spare core it is what
# they could take from training at most.
#
# The last column counts the progress events the first stream received per second of training.
#
#   bench/events/run.sh                    # ROWS=10000 EPOCHS=40 STREAMS=200 ROUNDS=3
#   STREAMS=50 ROUNDS=2 bench/events/run.sh
#   SERVICE_ARGS=--chainrule.runner.progress-interval=2s bench/events/run.sh   # progress at the heartbeat's pace
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROWS=${ROWS:-10000} EPOCHS=${EPOCHS:-40} STREAMS=${STREAMS:-200} ROUNDS=${ROUNDS:-3} SKIP=${SKIP:-3}
OUT=$ROOT/bench/out/events
PY=/usr/bin/python3
mkdir -p "$OUT"
rm -rf "$OUT/data" "$OUT"/stream-*

jar=${CHAINRULE_JAR:-$(ls "$ROOT"/target/chainrule-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$jar" ]; then
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
    jar=$(ls "$ROOT"/target/chainrule-*.jar | grep -v original | head -1)
fi
csv=$OUT/w1-$ROWS.csv
[ -f "$csv" ] || java "$ROOT/bench/scale/W1Csv.java" "$csv" "$ROWS"

port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
API=http://127.0.0.1:$port/api/v1
# API keys off: a local measurement, and the curl clients then need no Authorization header.
OMP_WAIT_POLICY=PASSIVE java -Xmx2g -Dorg.bytedeco.javacpp.maxbytes=3g -jar "$jar" --server.port="$port" \
    --chainrule.data-dir="$OUT/data" --chainrule.security.enabled=false ${SERVICE_ARGS:-} > "$OUT/service.log" 2>&1 &
service=$!
clients=()
cleanup() {
    for pid in "${clients[@]}"; do kill "$pid" 2>/dev/null || true; done
    kill "$service" 2>/dev/null || true
    wait "$service" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
    kill -0 "$service" 2>/dev/null || { echo "the service exited; see $OUT/service.log" >&2; exit 1; }
    sleep 0.5
done

field() { $PY -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
dataset=$(curl -sf -F file=@"$csv" -F name=w1 "$API/datasets" | field id)
model=$(curl -sf "$API/models" -H 'Content-Type: application/json' -d '{"name": "w1", "layers": [
    {"type": "dense", "units": 256, "activation": "relu"}, {"type": "dense", "units": 128, "activation": "relu"},
    {"type": "dense", "units": 10, "activation": "softmax"}], "loss": "cross_entropy", "seed": 1}' | field id)

# cpu [PATTERN]: CPU seconds so far of the service's threads named PATTERN, or of the whole process
# (which keeps the time of threads that have ended)
cpu() {
    local ticks=0 stat
    if [ $# -eq 0 ]; then
        stat=$(sed 's/^.*) //' "/proc/$service/stat")
        ticks=$(echo "$stat" | awk '{print $12 + $13}')
    else
        for task in /proc/"$service"/task/*; do
            grep -Eq "$1" "$task/comm" 2>/dev/null || continue
            stat=$(sed 's/^.*) //' "$task/stat" 2>/dev/null) || continue
            ticks=$((ticks + $(echo "$stat" | awk '{print $12 + $13}')))
        done
    fi
    echo "$ticks $(getconf CLK_TCK)" | awk '{printf "%.2f", $1 / $2}'
}

# train STREAMS_OPEN: prints "wall-median min max epoch-when-connected training-cpu-s other-cpu-s
# progress-events-per-s",
# the CPU counted from the moment every stream is open to the job's end.
train() {
    local streams=$1 job connected train0 all0
    job=$(curl -sf "$API/jobs" -H 'Content-Type: application/json' -d '{"modelId": "'"$model"'", "datasetId": "'"$dataset"'",
        "epochs": '"$EPOCHS"', "batchSize": 128, "validationSplit": 0.1, "optimizer": {"type": "sgd", "learningRate": 0.01}}' | field id)
    clients=()
    for i in $(seq 1 "$streams"); do
        curl -sN -H 'Accept: text/event-stream' "$API/jobs/$job/events" > "$OUT/stream-$job-$i" &
        clients+=($!)
    done
    for _ in $(seq 1 600); do
        local open=0
        for i in $(seq 1 "$streams"); do [ -s "$OUT/stream-$job-$i" ] && open=$((open + 1)); done
        [ "$open" -eq "$streams" ] && break
        sleep 0.1
    done
    train0=$(cpu '^job-runner'); all0=$(cpu)
    connected=$(curl -sf "$API/jobs/$job" | field epoch)
    local started ended progress_rate="–"
    started=$(date +%s.%N)
    until curl -sf "$API/jobs/$job" | grep -Eq '"status":"(succeeded|failed|cancelled)"'; do sleep 0.5; done
    ended=$(date +%s.%N)
    local train_cpu other_cpu
    train_cpu=$(echo "$(cpu '^job-runner') $train0" | awk '{printf "%.2f", $1 - $2}')
    other_cpu=$(echo "$(cpu) $all0 $train_cpu" | awk '{printf "%.2f", $1 - $2 - $3}')
    for pid in "${clients[@]}"; do wait "$pid" || true; done
    clients=()
    local complete=0
    for i in $(seq 1 "$streams"); do grep -q '^id: status-succeeded' "$OUT/stream-$job-$i" && complete=$((complete + 1)); done
    [ "$complete" -eq "$streams" ] || { echo "only $complete of $streams streams saw the job succeed" >&2; exit 1; }
    if [ "$streams" -gt 0 ]; then
        progress_rate=$(echo "$(grep -c '^event: progress' "$OUT/stream-$job-1") $started $ended" \
            | awk '{printf "%.1f", $1 / ($3 - $2)}')
    fi
    rm -f "$OUT"/stream-"$job"-*
    local from=$(( connected > SKIP ? connected : SKIP ))
    curl -sf "$API/jobs/$job/history" | $PY -c '
import json, statistics, sys
rows, skip = int(sys.argv[1]), int(sys.argv[2])
train = rows - round(rows * 0.1)
rates = [train * 1000 / e["durationMs"] for e in json.load(sys.stdin) if e["epoch"] > skip]
print(round(statistics.median(rates)), round(min(rates)), round(max(rates)), sys.argv[3])' "$ROWS" "$from" "$connected" \
        | tr '\n' ' '
    echo "$train_cpu $other_cpu $progress_rate"
}

train_rows=$(( ROWS - (ROWS + 5) / 10 ))
echo "| round | streams | wall samples/s (median, min–max) | training thread CPU s | samples per training CPU-s | other threads CPU s | streams' extra CPU / training CPU | progress events/s |"
echo "|---|---|---|---|---|---|---|---|"
rates_none="" rates_some="" extras=""
# Round 0 warms the JIT up (its compilations count as "other" CPU) and is left out of the medians.
for round in $(seq 0 "$ROUNDS"); do
    base_other=0 base_train=1
    for streams in 0 "$STREAMS"; do
        read -r median low high connected train_cpu other_cpu progress_rate < <(train "$streams")
        rate=$(echo "$train_rows $EPOCHS $connected $train_cpu" | awk '{printf "%.0f", $1 * ($2 - $3) / $4}')
        extra="–"
        if [ "$streams" -eq 0 ]; then
            base_other=$other_cpu base_train=$train_cpu
            [ "$round" -eq 0 ] || rates_none+="$rate "
        else
            extra=$(echo "$other_cpu $base_other $base_train" | awk '{printf "%+.1f %%", 100 * ($1 - $2) / $3}')
            [ "$round" -eq 0 ] || { rates_some+="$rate "; extras+="${extra% %} "; }
        fi
        echo "| $([ "$round" -eq 0 ] && echo warm-up || echo "$round") | $streams | $median ($low–$high) | $train_cpu | $rate | $other_cpu | $extra | $progress_rate |"
    done
done
$PY - "$rates_none" "$rates_some" "$extras" "$STREAMS" <<'PY'
import statistics, sys
med = lambda s: statistics.median(map(float, s.split()))
none, some = med(sys.argv[1]), med(sys.argv[2])
print(f"\nMedians of the rounds: {none:.0f} samples per training CPU-second with no stream, {some:.0f} with "
      f"{sys.argv[4]} streams ({(some - none) / none * 100:+.1f} %); the streams' extra CPU on the service's other "
      f"threads: {med(sys.argv[3]):+.1f} % of the training thread's.")
PY
