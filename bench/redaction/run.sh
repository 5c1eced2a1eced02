#!/usr/bin/env bash
# Redaction benchmark: clawfix vs Yelp detect-secrets 1.5.0 on the labelled corpus
# (Tests/ClawfixRedactionTests/RedactionCorpus.swift). Prints recall, precision and MB/s.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c 'import detect_secrets' 2>/dev/null || python3 -m pip install -q detect-secrets==1.5.0
swift build -c release --product clawfix >/dev/null
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
CLAWFIX_EXPORT_CORPUS="$corpus" swift test --filter exportCorpusForBenchmark >/dev/null 2>&1 || { echo "corpus export failed" >&2; exit 1; }
python3 bench/redaction/score.py "$corpus" "$(swift build -c release --show-bin-path)/clawfix"
