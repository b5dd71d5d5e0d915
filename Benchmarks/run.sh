#!/usr/bin/env bash
# Throughput and peak memory of `anonymise redact`, `anonymise check` and the regex floor
# (pcre2grep with ten of the project's identifier regexes) over generated corpora, in one run.
#
#   Benchmarks/run.sh                 # corpora of 10 and 100 MB
#   Benchmarks/run.sh 10 100 500      # any sizes, in MB
#   ARCHIVE_MB=1024 Benchmarks/run.sh # also: check a 1 GB archive (time only)
#   BIG_FILE_MB=100 Benchmarks/run.sh # also: redact one 100 MB file (memory per byte of input)
#   BIG_FILE_MB=100 Benchmarks/run.sh none   # only that file
#   FULL_MAX_MB=100 (default)         # corpora above this size run only `redact --no-store` and
#                                     # `check`, for the memory curve (the floor and the fsync'd
#                                     # registry would take most of an hour at 500 MB)
#
# Ratios (anonymise time / floor time) stay comparable on a noisy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pcre2grep >/dev/null || { echo "needs pcre2grep: apt-get install pcre2-utils" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10 100)
[ "${sizes[0]}" != none ] || sizes=()

swift build -c release -q
bin=$(swift build -c release --show-bin-path)/anonymise
work=$(mktemp -d /tmp/anonymise-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The floor is the raw engine: pcre2grep with ten identifier regexes of the project's own (postcode,
# phones, e-mail, web address, NHS and NI numbers, sort code, IBAN, number plate), one per line.
"$bin" patterns list --regex | awk -F'\t' '
  BEGIN { split("address.postcode contact.phone-mobile contact.phone-landline contact.email contact.url identifiers.nhs identifiers.nino finance.sort-code-pair finance.iban identifiers.vehicle", ids, " "); for (i in ids) wanted[ids[i]] = 1 }
  wanted[$1] { print $2 }' > "$work/patterns.txt"
[ "$(wc -l < "$work/patterns.txt")" -eq 10 ] || { echo "run.sh: the ten floor rules are not all there" >&2; exit 2; }

# measure NAME SIZE_MB COMMAND... → prints seconds, MB/s and peak resident MB (GNU time -v:
# "Elapsed (wall clock) time" and "Maximum resident set size"); a failed command is reported.
measure() {
  local name=$1 size=$2; shift 2
  local status=0
  /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
  [ "$status" -le 1 ] || { echo "$name: exit $status: $(grep -m1 -v '^$' "$work/stderr")" >&2; }
  python3 - "$name" "$size" "$work/time" "${FLOOR:-}" "${PER_BYTE:-}" <<'PY'
import re, sys
name, size, path, floor, per_byte = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
report = open(path).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", report).group(1)
seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall.split(":"))))
kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
ratio = f"{seconds / float(floor):5.2f}" if floor else "    -"
line = f"{name:<22} {size:>7.1f} MB {seconds:>8.2f} s {size / max(seconds, 1e-9):>8.1f} MB/s {kb / 1024:>8.0f} MB peak   ratio {ratio}"
if per_byte:
    line += f"   {kb * 1024 / (float(per_byte)):.1f} bytes of memory per byte of input"
print(line)
with open(path + ".seconds", "w") as f:
    f.write(f"{seconds}\n")
PY
  cp "$work/time.seconds" "$work/last"
}

echo "anonymise benchmark — $(date -u +%Y-%m-%d) — $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "floor: pcre2grep with $(wc -l < "$work/patterns.txt") identifier regexes; ratio = time / floor time"
for size in "${sizes[@]}"; do
  corpus="$work/corpus-$size"
  python3 Benchmarks/make-corpus.py "$size" "$corpus" >/dev/null
  actual=$(du -sb --apparent-size "$corpus" | awk '{printf "%.1f", $1 / 1000000}')
  echo "--- corpus $size MB ($(find "$corpus" -name '*.txt' | wc -l) files)"
  FLOOR=
  if [ "$size" -le "${FULL_MAX_MB:-100}" ]; then
    measure "pcre2grep (floor)" "$actual" pcre2grep -r -u -o --include='\.txt$' -f "$work/patterns.txt" "$corpus"
    FLOOR=$(cat "$work/last")
    # With the case registry (the default: every sample has an Ombudsman reference, so every
    # document is one SQLite transaction, fsync'd) and without it (the pipeline alone).
    FLOOR=$FLOOR measure "anonymise redact" "$actual" env ANONYMISE_STORE="$work/cases-$size.sqlite" "$bin" redact "$corpus" --out-dir "$work/out-$size" --quiet
    rm -rf "$work/out-$size"
  fi
  FLOOR=$FLOOR measure "redact --no-store" "$actual" "$bin" redact "$corpus" --out-dir "$work/out-$size" --quiet --no-store
  FLOOR=$FLOOR measure "anonymise check" "$actual" "$bin" check "$corpus" --format json
  # The same drafts as Word documents (one paragraph a line): MB are those of the text.
  python3 Benchmarks/make-docx-corpus.py "$corpus" "$work/docx-$size" >/dev/null
  FLOOR=$FLOOR measure "redact .docx --no-store" "$actual" "$bin" redact "$work/docx-$size" --out-dir "$work/docx-out-$size" --quiet --no-store
  FLOOR=$FLOOR measure "check .docx" "$actual" "$bin" check "$work/docx-$size" --format json
  rm -rf "$work/docx-$size" "$work/docx-out-$size"
  if [ -z "${ceiling_shown:-}" ]; then
    # The rules alone (`patterns profile`: every rule over every document, one core), spread
    # over every core: no `check` can beat this with this rule set on this machine.
    rules_seconds=$("$bin" patterns profile "$corpus" --top 1 | sed -nE '1s/.*: ([0-9.]+) s in rules.*/\1/p')
    python3 - "$actual" "$rules_seconds" "$(nproc)" <<'PY'
import sys
size, one_core, cores = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
seconds = one_core / cores
print(f"{'rules alone (ceiling)':<22} {size:>7.1f} MB {seconds:>8.2f} s {size / seconds:>8.1f} MB/s   "
      f"({one_core:.2f} s on one core; 1 GB needs at least {1000 * seconds / size:.0f} s)")
PY
    ceiling_shown=1
  fi
  rm -rf "$work/out-$size" "$corpus"
done
if [ -n "${BIG_FILE_MB:-}" ]; then
  python3 Benchmarks/make-corpus.py "$BIG_FILE_MB" "$work/big" --single-file >/dev/null
  bytes=$(stat -c %s "$work/big/archive.txt")
  echo "--- one file of $BIG_FILE_MB MB ($bytes bytes)"
  # --no-store: the pipeline's own memory (the file's many cases would otherwise go to a registry).
  FLOOR= PER_BYTE=$bytes measure "redact one big file" "$BIG_FILE_MB" "$bin" redact "$work/big/archive.txt" -o "$work/big-out.txt" --quiet --no-store
  FLOOR= PER_BYTE=$bytes measure "check one big file" "$BIG_FILE_MB" "$bin" check "$work/big/archive.txt" --format json
  rm -rf "$work/big" "$work/big-out.txt" "$work/big-out.audit.jsonl"
fi
if [ -n "${ARCHIVE_MB:-}" ]; then
  python3 Benchmarks/make-corpus.py "$ARCHIVE_MB" "$work/archive" >/dev/null
  echo "--- archive of $ARCHIVE_MB MB"
  FLOOR= measure "check archive" "$ARCHIVE_MB" "$bin" check "$work/archive" --format json
fi
