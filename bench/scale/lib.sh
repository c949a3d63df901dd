# Shared by the scale benchmarks (sourced, not run): a fresh PostgreSQL database per run and
# service processes of the packaged jar in its roles. The server is named by the libpq variables
# PGHOST, PGPORT, PGUSER and PGPASSWORD (defaults: 127.0.0.1, 5432, postgres, none).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
OUT=$ROOT/bench/out/scale
mkdir -p "$OUT"
SERVICE_PIDS=()
DATABASES=()

jar() { # the packaged jar (built when missing), or CHAINRULE_JAR
    local jar=${CHAINRULE_JAR:-}
    [ -z "$jar" ] || { echo "$jar"; return; }
    jar=$(ls "$ROOT"/target/chainrule-*.jar 2>/dev/null | grep -v original | head -1 || true)
    if [ -z "$jar" ]; then
        (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
        jar=$(ls "$ROOT"/target/chainrule-*.jar | grep -v original | head -1)
    fi
    echo "$jar"
}

free_port() {
    /usr/bin/env python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

sql() { # sql DATABASE STATEMENT: prints unaligned, tab-separated rows
    psql -X -q -v ON_ERROR_STOP=1 -At -F $'\t' -d "$1" -c "$2"
}

create_database() { # sets DATABASE (not echoed: the drop at exit must see it, so no subshell)
    DATABASE="chainrule_bench_$(date +%s)_$RANDOM"
    sql postgres "CREATE DATABASE $DATABASE" >/dev/null
    DATABASES+=("$DATABASE")
}

# start_service NAME ROLE DATABASE PORT [JVM options and --spring.args ...]; sets SERVICE_PID.
start_service() {
    local name=$1 role=$2 database=$3 port=$4
    shift 4
    local jvm=() args=()
    for option in "$@"; do
        case $option in --*) args+=("$option") ;; *) jvm+=("$option") ;; esac
    done
    mkdir -p "$OUT/$name"
    OMP_WAIT_POLICY=PASSIVE SPRING_PROFILES_ACTIVE=postgres \
        SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
        SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
        CHAINRULE_DATA_DIR="$OUT/$name/data" \
        java "${jvm[@]}" -jar "$(jar)" --server.port="$port" --chainrule.role="$role" \
        --chainrule.runner.instance-id="$name" "${args[@]}" > "$OUT/$name/service.log" 2>&1 &
    SERVICE_PID=$!
    SERVICE_PIDS+=("$SERVICE_PID")
}

await_healthy() { # await_healthy PORT PID
    for _ in $(seq 1 1800); do
        curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null && return 0
        kill -0 "$2" 2>/dev/null || { echo "process $2 exited; see $OUT" >&2; return 1; }
        sleep 0.5
    done
    echo "port $1 not ready after 15 minutes" >&2
    return 1
}

stop_services() {
    for pid in "${SERVICE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${SERVICE_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    SERVICE_PIDS=()
}

cleanup() {
    stop_services
    for database in "${DATABASES[@]}"; do
        sql postgres "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null || true
    done
}
trap cleanup EXIT

# metric PORT SERIES: the sum of a Prometheus series over its label sets (0 when absent).
metric() {
    curl -sf "http://127.0.0.1:$1/actuator/prometheus" \
        | awk -v series="$2" 'index($0, series) == 1 { sum += $NF } END { printf "%.6f\n", sum + 0 }'
}

post_json() { # post_json URL BODY: prints the created resource's id
    curl -sf "$1" -H 'Content-Type: application/json' -d "$2" | sed -E 's/^\{"id":"([^"]+)".*/\1/'
}
