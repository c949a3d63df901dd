#!/usr/bin/env bash
# Training benchmark: our engine against DL4J on the same data, shapes and thread settings.
# Usage (from anywhere): bench/training/run.sh [--threads N] [--rounds N] [--warmup N] [--only W1|W2|inference]
set -euo pipefail
cd "$(dirname "$0")/../.."

# The bench profile compiles bench/training/java with DL4J into target/bench, apart from the normal build.
./mvnw -B -q -Pbench -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt

# PASSIVE must be in the environment before the JVM starts: ND4J's OpenMP pool reads it once.
# The thread count itself is pinned inside the JVM, for both engines alike (--threads).
export OMP_WAIT_POLICY=PASSIVE
exec java -Xms3g -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=4g \
    -cp "target/bench/classes:$(cat target/bench/classpath.txt)" \
    dev.chainrule.bench.TrainingBenchmark "$@"
