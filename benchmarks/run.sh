#!/usr/bin/env bash
# Runs the whole benchmark suite of issue 12 and writes benchmarks/target/ratios.txt (one
# "name value" line per ratio, Monotable / other) and benchmarks/target/figures.md.
#
#   benchmarks/run.sh           forks 3, 5 x 5 s per client benchmark; cold start 11 runs;
#                               builds of 50, 100, 200, 400 entities, median of 3   (about 40 min)
#   benchmarks/run.sh --quick   fewer forks, shorter iterations; cold start 5 runs;
#                               builds of 50 and 200 entities, once                 (under 10 min)
#
# Everything that uses the CPU runs under flock /tmp/mvn.lock, so that builds and measurements on a
# shared machine do not overlap. Set SKIP_BUILD=1 to reuse benchmarks/target as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
[[ "${1:-}" == "--quick" ]] && quick=true
lock=/tmp/mvn.lock
target=benchmarks/target

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "== build"
  flock "$lock" mvn -o -q -pl benchmarks -am -DskipTests -Dmaven.javadoc.skip=true package
fi
classpath="$target/classes:$(cat "$target/classpath.txt")"

if $quick; then
  marshalling=(-f 2 -wi 2 -w 1 -i 3 -r 1)
  # the SDK's request path needs about 10 s to reach C2 on two cores: a long warm-up, one fork
  client=(-f 1 -wi 3 -w 4 -i 5 -r 2)
  cold_runs=5
  build_runs=1
  build_sizes=(50 200)
else
  marshalling=()   # the annotations: 3 forks, 5 x 1 s warm-up, 5 x 2 s
  client=()        # the annotations: 3 forks, 4 x 5 s warm-up, 5 x 5 s
  cold_runs=11
  build_runs=3
  build_sizes=(50 100 200 400)
fi

echo "== MarshallingBenchmark"
flock "$lock" java -jar "$target/benchmarks.jar" MarshallingBenchmark "${marshalling[@]}" -prof gc \
  -rf json -rff "$target/marshalling.json" | tee "$target/marshalling.txt" | grep -E '^(Benchmark|Marshalling)' \
  | grep -v -E 'gc\.(count|time|alloc\.rate )' || true
echo "== ClientBenchmark"
flock "$lock" java -jar "$target/benchmarks.jar" ClientBenchmark "${client[@]}" -prof gc \
  -rf json -rff "$target/client.json" | tee "$target/client.txt" | grep -E '^(Benchmark|Client)' \
  | grep -v -E 'gc\.(count|time|alloc\.rate )' || true
echo "== AsyncClientBenchmark"
flock "$lock" java -jar "$target/benchmarks.jar" AsyncClientBenchmark "${client[@]}" -prof gc \
  -rf json -rff "$target/async.json" | tee "$target/async.txt" | grep -E '^(Benchmark|AsyncClient)' \
  | grep -v -E 'gc\.(count|time|alloc\.rate )' || true
echo "== cold start"
flock "$lock" java -cp "$classpath" dev.monotable.benchmarks.ColdStart "$cold_runs" "$target/coldstart-ratios.txt" \
  | tee "$target/coldstart.txt"
echo "== build scaling"
flock "$lock" java -cp "$classpath" dev.monotable.benchmarks.BuildScaling "$build_runs" "$target/build-ratios.txt" \
  "${build_sizes[@]}" | tee "$target/build.txt"
echo "== ratios ($target/ratios.txt)"
java -cp "$classpath" dev.monotable.benchmarks.Ratios "$target/ratios.txt" "$target/figures.md" \
  "$target/marshalling.json" "$target/client.json" "$target/async.json" "$target/coldstart-ratios.txt" "$target/build-ratios.txt"
