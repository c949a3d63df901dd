#!/usr/bin/env bash
# Compares the CSV parsers on one generated file: ./bench/dataset/csv-libraries.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
file=bench/out/libraries-$rows.csv
[ -f "$file" ] || java bench/dataset/GenerateCsv.java "$file" "$rows"
for artifact in de.siegmar:fastcsv:4.0.0 org.apache.commons:commons-csv:1.14.1 \
    tools.jackson.dataformat:jackson-dataformat-csv:3.1.7 tools.jackson.core:jackson-databind:3.1.7 \
    tools.jackson.core:jackson-core:3.1.7 com.fasterxml.jackson.core:jackson-annotations:2.21 commons-io:commons-io:2.18.0 \
    commons-codec:commons-codec:1.18.0; do
  ./mvnw -B -q dependency:get -Dartifact="$artifact" >/dev/null
done
repo=$(./mvnw -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)
cp=""
for jar in de/siegmar/fastcsv/4.0.0/fastcsv-4.0.0.jar org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar \
    tools/jackson/dataformat/jackson-dataformat-csv/3.1.7/jackson-dataformat-csv-3.1.7.jar \
    tools/jackson/core/jackson-databind/3.1.7/jackson-databind-3.1.7.jar tools/jackson/core/jackson-core/3.1.7/jackson-core-3.1.7.jar \
    com/fasterxml/jackson/core/jackson-annotations/2.21/jackson-annotations-2.21.jar commons-io/commons-io/2.18.0/commons-io-2.18.0.jar \
    commons-codec/commons-codec/1.18.0/commons-codec-1.18.0.jar; do
  cp="$cp:$repo/$jar"
done
java -Xmx512m -cp "${cp#:}" bench/dataset/CsvLibraryBench.java "$file"
