#!/usr/bin/env bash
# Times parsing, profiling and encoding of a generated CSV without the database or HTTP:
# ./bench/dataset/parse-benchmark.sh [ROWS]   (default 1000000 rows, about 196 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
csv=bench/out/bench-$rows.csv
[ -f "$csv" ] || java bench/dataset/GenerateCsv.java "$csv" "$rows"
[ -d target/classes/dev/chainrule/dataset ] || ./mvnw -B -q compile
repo=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)
cp="target/classes:$repo/de/siegmar/fastcsv/4.0.0/fastcsv-4.0.0.jar"
classes=bench/out/parse-bench-classes
mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$cp:$(ls $repo/org/springframework/spring-core/7.*/spring-core-7.*.jar | grep -v sources | tail -1)" \
  bench/dataset/ParseBench.java
java -Xmx512m -cp "$classes:$cp" dev.chainrule.dataset.ParseBench "$csv"
