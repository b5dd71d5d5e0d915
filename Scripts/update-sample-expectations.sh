#!/usr/bin/env bash
# Rewrites Samples/expected from the current build. The expected files are a specification:
# review every change with `git diff Samples/expected` before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
bin=$(swift build --show-bin-path)/anonymise
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" redact Samples/drafts --out-dir "$tmp" --quiet --no-store
cp "$tmp"/*.txt "$tmp"/*.audit.jsonl Samples/expected/
chmod 644 Samples/expected/*.audit.jsonl
git status --short Samples/expected
