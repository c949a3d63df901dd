#!/usr/bin/env bash
# Does the heap stay flat when oversized JSON bodies arrive at once? Starts the packaged jar (H2,
# its own data directory), then sends CLIENTS concurrent POST /api/v1/models bodies of SIZE_MB each,
# once with Content-Length declared and once chunked (the size unknown until read), and samples the
# service's used heap (/actuator/metrics, admin key) and RSS (/proc) every 100 ms. Prints a markdown
# table: before, the peak while the bodies arrive, and the answers (413 expected, before parsing).
#
#   bench/limits/run.sh                       # CLIENTS=20 SIZE_MB=100
#   CLIENTS=8 SIZE_MB=60 bench/limits/run.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLIENTS=${CLIENTS:-20} SIZE_MB=${SIZE_MB:-100}
OUT=$ROOT/bench/out/limits
PY=/usr/bin/python3
mkdir -p "$OUT"
rm -rf "$OUT/data"

jar=${CHAINRULE_JAR:-$(ls "$ROOT"/target/chainrule-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$jar" ]; then
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
    jar=$(ls "$ROOT"/target/chainrule-*.jar | grep -v original | head -1)
fi
port=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
java -Xmx1g -jar "$jar" --server.port="$port" --chainrule.data-dir="$OUT/data" > "$OUT/service.log" 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true; wait $service 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1 && break
    sleep 1
done

$PY - "$port" "$service" "$OUT/data/admin.key" "$CLIENTS" "$SIZE_MB" <<'PYTHON'
import http.client, json, sys, threading, time

port, pid, key_file, clients, size_mb = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
key = open(key_file).read().strip()
CHUNK = b" " * (1 << 20)

def heap_mb():
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/actuator/metrics/jvm.memory.used?tag=area:heap", headers={"Authorization": "Bearer " + key})
    value = json.loads(conn.getresponse().read())["measurements"][0]["value"]
    return value / 2**20

def rss_mb():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

def body():
    yield b'{"name": "'
    for _ in range(size_mb):
        yield CHUNK
    yield b'"}'

def send(chunked, answers):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    headers = {"Authorization": "Bearer " + key, "Content-Type": "application/json"}
    try:
        if chunked:
            conn.request("POST", "/api/v1/models", body=body(), headers=headers, encode_chunked=True)
        else:
            headers["Content-Length"] = str(size_mb * len(CHUNK) + 12)
            conn.request("POST", "/api/v1/models", body=body(), headers=headers)
        answers.append(str(conn.getresponse().status))
    except (BrokenPipeError, ConnectionResetError):
        answers.append("closed")  # refused before the whole body was sent

print(f"| bodies | heap before (MB) | heap peak (MB) | RSS before (MB) | RSS peak (MB) | answers | seconds |")
print(f"|---|---|---|---|---|---|---|")
for chunked in (False, True):
    time.sleep(2)
    heap0, rss0 = heap_mb(), rss_mb()
    answers, peak = [], {"heap": heap0, "rss": rss0}
    threads = [threading.Thread(target=send, args=(chunked, answers)) for _ in range(clients)]
    started = time.time()
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        peak["heap"], peak["rss"] = max(peak["heap"], heap_mb()), max(peak["rss"], rss_mb())
        time.sleep(0.1)
    form = "chunked" if chunked else "Content-Length"
    counts = ", ".join(f"{answers.count(a)}× {a}" for a in sorted(set(answers)))
    print(f"| {clients} × {size_mb} MB, {form} | {heap0:.0f} | {peak['heap']:.0f} | {rss0:.0f} | {peak['rss']:.0f} "
          f"| {counts} | {time.time() - started:.1f} |")
PYTHON
