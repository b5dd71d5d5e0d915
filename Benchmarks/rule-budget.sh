#!/usr/bin/env bash
# Per-rule cost budget: every rule's time (`anonymise patterns profile`, the best of RUNS runs) on a
# fixed generated 1 MB corpus, against Benchmarks/rule-budget.txt ("rule-id milliseconds").
#
#   Benchmarks/rule-budget.sh            # exit 1 when a rule costs more than MARGIN × its budget + SLACK_MS
#   Benchmarks/rule-budget.sh --update   # write the budget file from this machine's figures
#
# Times are CPU-bound wall times of one thread, so the margin is generous (MARGIN=3, SLACK_MS=15,
# RUNS=3 by default): the script catches a rule that became several times slower (a regex that
# lost its start set or backtracks), not noise. A rule missing from the budget file is reported.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=Benchmarks/rule-budget.txt
swift build -c release -q
bin=$(swift build -c release --show-bin-path)/anonymise
work=$(mktemp -d /tmp/anonymise-budget.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/make-corpus.py 1 "$work/corpus" --seed 1 >/dev/null
for run in $(seq "${RUNS:-3}"); do
  "$bin" patterns profile "$work/corpus" --top 100000 > "$work/profile-$run"
done
python3 - "$budget" "${1:-}" "${MARGIN:-3}" "${SLACK_MS:-15}" "$work"/profile-* <<'PY'
import re, sys
budget_path, mode, margin, slack, profiles = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5:]
best = {}
for path in profiles:
    for line in open(path):
        m = re.match(r"\s*([0-9.]+) s\s.*docs scanned\s+(?:[0-9]+ tries|text scan)\s+(.+)$", line)
        if m:
            rule, ms = m.group(2).strip(), float(m.group(1)) * 1000
            best[rule] = min(ms, best.get(rule, ms))
if mode == "--update":
    with open(budget_path, "w") as f:
        f.write("# rule-id  milliseconds on the 1 MB corpus of Benchmarks/rule-budget.sh (best of its runs)\n")
        for rule in sorted(best):
            f.write(f"{rule} {best[rule]:.1f}\n")
    print(f"wrote {len(best)} budgets to {budget_path}")
    sys.exit(0)
budget = {}
for line in open(budget_path):
    if line.strip() and not line.startswith("#"):
        rule, ms = line.rsplit(None, 1)
        budget[rule] = float(ms)
over = [(rule, ms, budget[rule]) for rule, ms in best.items() if rule in budget and ms > margin * budget[rule] + slack]
for rule in sorted(set(best) - set(budget)):
    print(f"no budget: {rule} ({best[rule]:.1f} ms)")
for rule, ms, allowed in sorted(over, key=lambda o: -o[1]):
    print(f"OVER BUDGET: {rule}: {ms:.1f} ms (budget {allowed:.1f} ms, limit {margin * allowed + slack:.1f} ms)")
total = sum(best.values())
print(f"{len(best)} entries, {total:.0f} ms in all; {len(over)} over budget (margin ×{margin:g} + {slack:g} ms)")
sys.exit(1 if over else 0)
PY
