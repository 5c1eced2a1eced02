#!/usr/bin/env bash
# Redaction benchmark: clawfix vs Yelp detect-secrets 1.5.0 on the labelled corpus
# (Tests/ClawfixRedactionTests/RedactionCorpus.swift) and, in a column of its own, the paste shapes of
# issue 14 (RedactionShapes.swift). Prints recall, precision and MB/s side by side.
#
# Accuracy: each corpus document is redacted by the release `clawfix redact FILE --format json` and
# scanned by detect-secrets (in-process, default plugins and filters).
# Throughput: the corpus is repeated to at least REDACTION_BENCH_MB MB (default 10) and the same
# bytes are given to both tools, in-process, pinned to CPU 0; see score.py for exactly what is timed.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c 'import detect_secrets' 2>/dev/null || python3 -m pip install -q detect-secrets==1.5.0
swift build -c release --product clawfix >"${TMPDIR:-/tmp}/redaction-bench-build.log" 2>&1 || { tail -20 "${TMPDIR:-/tmp}/redaction-bench-build.log" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CLAWFIX_EXPORT_CORPUS="$work/corpus" swift test --filter exportCorpusForBenchmark >/dev/null 2>&1 || { echo "corpus export failed" >&2; exit 1; }
# The in-process driver: the redaction sources and bench/redaction/throughput.swift in one module,
# `-O -wmo` as in SwiftPM's release build.
swiftc -O -wmo -parse-as-library -module-name RedactionThroughput Sources/ClawfixRedaction/*.swift \
    bench/redaction/throughput.swift -o "$work/throughput"
python3 bench/redaction/score.py "$work/corpus" "$(swift build -c release --show-bin-path)/clawfix" "$work/throughput"
