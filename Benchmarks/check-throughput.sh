#!/usr/bin/env bash
# Throughput of `anonymise check` (release build): the published corpus copied into a
# temporary folder until it holds at least TARGET_MB megabytes, then one timed run.
#
#   Benchmarks/check-throughput.sh                       # ../shared/corpus/published, 50 MB
#   CORPUS=dir TARGET_MB=100 SCRATCH=.build-bench Benchmarks/check-throughput.sh
#
# Prints the size, the time and MB/s (1 MB = 10^6 bytes). Exit 1 from check (findings)
# is expected and fine; exit 2 (an input error) stops the benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${CORPUS:-../shared/corpus/published}
target_mb=${TARGET_MB:-50}
scratch=${SCRATCH:-.build}

[ -d "$corpus" ] || { echo "check-throughput: $corpus: no such directory" >&2; exit 2; }
swift build -c release --scratch-path "$scratch" --product anonymise >&2
binary="$scratch/release/anonymise"

work=$(mktemp -d "${TMPDIR:-/tmp}/anonymise-check-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

corpus_bytes=$(cat "$corpus"/*.txt | wc -c)
[ "$corpus_bytes" -gt 0 ] || { echo "check-throughput: $corpus has no .txt files" >&2; exit 2; }
target_bytes=$((target_mb * 1000000))
copies=0
total=0
while [ "$total" -lt "$target_bytes" ]; do
    mkdir "$work/copy-$copies"
    cp "$corpus"/*.txt "$work/copy-$copies/"
    copies=$((copies + 1))
    total=$((total + corpus_bytes))
done
files=$(find "$work" -name '*.txt' | wc -l)

start=$(date +%s.%N)
status=0
"$binary" check "$work" --format json --quiet > /dev/null || status=$?
end=$(date +%s.%N)
[ "$status" -le 1 ] || { echo "check-throughput: anonymise check exited $status" >&2; exit "$status"; }

python3 - "$total" "$files" "$start" "$end" "$copies" <<'PY'
import sys
total, files, start, end, copies = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
seconds = end - start
print(f"anonymise check: {total / 1e6:.1f} MB in {files} files ({copies} copies of the corpus) "
      f"in {seconds:.1f} s: {total / 1e6 / seconds:.2f} MB/s")
PY
