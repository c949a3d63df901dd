#!/usr/bin/env bash
# Uploads a large generated CSV to the packaged service running with -Xmx512m and reports the
# throughput and the peak heap. Usage: ./bench/dataset/upload-benchmark.sh [ROWS] [multipart|raw]
# (defaults: 5100000 rows, about 1 GB; multipart). Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-5100000}
mode=${2:-multipart}
port=${PORT:-18080}
out=bench/out
csv=$out/bench-$rows.csv
mkdir -p "$out"
[ -f "$csv" ] || java bench/dataset/GenerateCsv.java "$csv" "$rows"
jar=$(ls target/chainrule-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/chainrule-*.jar | grep -v original | head -1)
fi
rm -rf "$out/data" && mkdir -p "$out/data"
OMP_WAIT_POLICY=PASSIVE java -Xmx512m -Xlog:gc:file="$out/gc.log" -jar "$jar" --server.port="$port" \
  --chainrule.data-dir="./$out/data" > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
  kill -0 $server 2>/dev/null || { echo "the service did not start; see $out/server.log"; exit 1; }
  sleep 1
done

# Sample the heap twice a second while the upload runs.
heap_samples=$out/heap.txt
: > "$heap_samples"
( while true; do
    curl -s "http://localhost:$port/actuator/metrics/jvm.memory.used?tag=area:heap" \
      | sed -n 's/.*"value":\([0-9.E+]*\).*/\1/p' >> "$heap_samples"
    echo >> "$heap_samples"
    sleep 0.5
  done ) &
sampler=$!
trap 'kill $sampler $server 2>/dev/null || true' EXIT

bytes=$(stat -c %s "$csv")
start=$(date +%s.%N)
if [ "$mode" = raw ]; then
  status=$(curl -s -o "$out/response.json" -w '%{http_code}' -H 'Content-Type: text/csv' \
    --data-binary @"$csv" "http://localhost:$port/api/v1/datasets?name=bench")
else
  status=$(curl -s -o "$out/response.json" -w '%{http_code}' -F file=@"$csv" -F name=bench \
    "http://localhost:$port/api/v1/datasets")
fi
end=$(date +%s.%N)
kill $sampler 2>/dev/null || true
seconds=$(echo "$end - $start" | bc -l)
peak=$(grep . "$heap_samples" | sort -g | tail -1)
# Young collections may leave humongous garbage behind; mixed and full collections show the live set.
max_after_gc=$(grep -E 'Pause (Young \(Mixed\)|Full)' "$out/gc.log" | grep -o '[0-9]*M->[0-9]*M' \
  | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -1)
printf 'file:             %s (%d rows, %.1f MB)\n' "$csv" "$rows" "$(echo "$bytes / 1000000" | bc -l)"
printf 'upload (%s):   HTTP %s in %.1f s = %.1f MB/s\n' "$mode" "$status" "$seconds" \
  "$(echo "$bytes / 1000000 / $seconds" | bc -l)"
printf 'heap used, peak:  %.0f MB (sampled every 0.5 s; -Xmx512m)\n' "$(python3 -c "print(${peak:-0} / 1048576)")"
printf 'live heap:        at most %s MB (after mixed or full collections)\n' "${max_after_gc:-?}"
grep -o 'Imported .*' "$out/server.log" | tail -1 || true
head -c 400 "$out/response.json"; echo
