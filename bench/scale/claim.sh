#!/usr/bin/env bash
# Claim throughput and latency with 1, 2 and 4 worker processes sharing one PostgreSQL database.
# Usage: bench/scale/claim.sh [JOBS] [WORKERS...]   (defaults: 300 jobs; 1 2 4 workers)
#
# Per worker count: a fresh database, one API process and N worker processes of the packaged
# jar (default runner settings: one job at a time, 1 s poll). A one-epoch XOR job is created
# through the API and trained once; then JOBS copies of it are made visible in one commit, so
# every worker sees the whole queue at the same instant. Prints a markdown table: wall time from
# that commit to the last job's end, jobs per second, how the jobs spread over the workers, the
# time of the claim statement itself (from chainrule_job_claims_seconds), and the queue wait
# (started_at - created_at). Every job must end succeeded and be claimed exactly once.
source "$(dirname "$0")/lib.sh"
jobs=${1:-300}
shift || true
workers=("$@")
[ ${#workers[@]} -gt 0 ] || workers=(1 2 4)
JVM=(-Xmx512m -Dorg.bytedeco.javacpp.maxbytes=512m)

run() {
    local n=$1 database api_port api
    create_database
    database=$DATABASE
    api_port=$(free_port)
    start_service "api-$n" api "$database" "$api_port" "${JVM[@]}"
    await_healthy "$api_port" "$SERVICE_PID"
    local ports=() pids=()
    for i in $(seq 1 "$n"); do
        ports+=("$(free_port)")
        start_service "worker-$n-$i" worker "$database" "${ports[-1]}" "${JVM[@]}"
        pids+=("$SERVICE_PID")
    done
    for i in "${!ports[@]}"; do await_healthy "${ports[$i]}" "${pids[$i]}"; done

    api="http://127.0.0.1:$api_port/api/v1"
    local dataset model template
    dataset=$(curl -sf "$api/datasets?name=xor" -H 'Content-Type: text/csv' \
        --data-binary @"$ROOT/examples/datasets/xor.csv" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
    model=$(post_json "$api/models" '{"name": "xor", "layers": [{"type": "dense", "units": 4, "activation": "tanh"},
        {"type": "dense", "units": 2, "activation": "softmax"}], "loss": "cross_entropy", "seed": 1}')
    template=$(post_json "$api/jobs" '{"modelId": "'"$model"'", "datasetId": "'"$dataset"'", "epochs": 1,
        "batchSize": 4, "validationSplit": 0, "optimizer": {"type": "sgd", "learningRate": 0.1}}')
    until [ "$(sql "$database" "SELECT status FROM job WHERE id = '$template'")" = SUCCEEDED ]; do sleep 0.2; done

    local before_claimed=() before_count=() before_sum=()
    for port in "${ports[@]}"; do
        before_claimed+=("$(metric "$port" chainrule_jobs_claimed_total)")
        before_count+=("$(metric "$port" 'chainrule_job_claims_seconds_count{application="chainrule",outcome="claimed"')")
        before_sum+=("$(metric "$port" 'chainrule_job_claims_seconds_sum{application="chainrule",outcome="claimed"')")
    done
    sql "$database" "BEGIN;
        CREATE TEMP TABLE clone AS SELECT gen_random_uuid() AS id, n FROM generate_series(1, $jobs) AS n;
        INSERT INTO job (id, model_id, dataset_id, status, options, epochs, epoch, step, progress, cancel_requested,
                         created_at, priority)
            SELECT clone.id, model_id, dataset_id, 'QUEUED', options, epochs, 0, 0, 0, FALSE, clock_timestamp(), 0
            FROM clone, job WHERE job.id = '$template' ORDER BY clone.n;
        INSERT INTO job_artifact (job_id, preprocessing, version)
            SELECT clone.id, preprocessing, 0 FROM clone, job_artifact WHERE job_id = '$template';
        COMMIT;" >/dev/null
    local deadline=$((SECONDS + 900))
    while [ "$(sql "$database" "SELECT count(*) FROM job WHERE status IN ('QUEUED', 'RUNNING')")" != 0 ]; do
        [ $SECONDS -lt $deadline ] || { echo "jobs still open after 15 minutes" >&2; exit 1; }
        sleep 0.2
    done

    local claimed=() count=0 sum=0 max=0 spread total=0
    for i in "${!ports[@]}"; do
        claimed+=("$(awk -v a="$(metric "${ports[$i]}" chainrule_jobs_claimed_total)" -v b="${before_claimed[$i]}" \
            'BEGIN { printf "%d", a - b }')")
        total=$((total + claimed[-1]))
        count=$(awk -v t="$count" -v a="$(metric "${ports[$i]}" 'chainrule_job_claims_seconds_count{application="chainrule",outcome="claimed"')" \
            -v b="${before_count[$i]}" 'BEGIN { print t + a - b }')
        sum=$(awk -v t="$sum" -v a="$(metric "${ports[$i]}" 'chainrule_job_claims_seconds_sum{application="chainrule",outcome="claimed"')" \
            -v b="${before_sum[$i]}" 'BEGIN { print t + a - b }')
        max=$(awk -v m="$max" -v a="$(metric "${ports[$i]}" 'chainrule_job_claims_seconds_max{application="chainrule",outcome="claimed"')" \
            'BEGIN { print (a > m ? a : m) }')
    done
    spread=$(printf '%s\n' "${claimed[@]}" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }')
    local stats failed
    failed=$(sql "$database" "SELECT count(*) FROM job WHERE status <> 'SUCCEEDED'")
    [ "$failed" = 0 ] || { echo "$failed jobs did not succeed" >&2; exit 1; }
    [ "$total" = "$jobs" ] || { echo "the workers claimed $total jobs, not $jobs" >&2; exit 1; }
    stats=$(sql "$database" "WITH c AS (SELECT * FROM job WHERE id <> '$template'),
                 w AS (SELECT extract(epoch FROM started_at - created_at) AS wait,
                              extract(epoch FROM finished_at - started_at) AS service FROM c)
        SELECT round(extract(epoch FROM (SELECT max(finished_at) - max(created_at) FROM c))::numeric, 2),
               round(($jobs / extract(epoch FROM (SELECT max(finished_at) - max(created_at) FROM c)))::numeric, 1),
               round((1000 * avg(service))::numeric, 0),
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY wait)::numeric, 2),
               round(percentile_cont(0.95) WITHIN GROUP (ORDER BY wait)::numeric, 2)
        FROM w")
    IFS=$'\t' read -r wall rate service wait50 wait95 <<< "$stats"
    printf '| %d | %s | %s | %s | %s | %.2f | %.1f | %s | %s |\n' "$n" "$wall" "$rate" "$spread" "$service" \
        "$(awk -v s="$sum" -v c="$count" 'BEGIN { print (c > 0 ? 1000 * s / c : 0) }')" \
        "$(awk -v m="$max" 'BEGIN { print 1000 * m }')" "$wait50" "$wait95"
    stop_services
}

echo "| workers | wall s | jobs/s | jobs per worker | job run ms (mean) | claim statement ms (mean) | claim statement ms (max) | queue wait s (p50) | queue wait s (p95) |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in "${workers[@]}"; do run "$n"; done
