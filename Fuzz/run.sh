#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time (default 60 s each).
#
#   Fuzz/run.sh [SECONDS] [TARGET...]
#
# Targets are built with `-sanitize=fuzzer,address -D FUZZING` in their own build folder
# (.build-fuzz), so the normal build is untouched. A crash leaves its input in
# Fuzz/artifacts/<target>/; copy it to Fuzz/Regressions/<target>/ and it is replayed by the
# `FuzzRegressionTests` test on every `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzRedactor FuzzExtractors FuzzKnowledgeParser FuzzBotLines)

for target in "${targets[@]}"; do
    echo "== building $target"
    swift build -c release --scratch-path .build-fuzz --product "$target" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld >/dev/null
    binary="$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/$target"
    corpus="Fuzz/Corpus/$target"
    artifacts="Fuzz/artifacts/$target"
    mkdir -p "$artifacts" "$corpus.work"
    echo "== fuzzing $target for ${seconds}s"
    # Seeds are committed in Fuzz/Corpus/<target>; new inputs go to a scratch copy.
    # detect_leaks=0: LeakSanitizer cannot follow Swift's spare-bit-tagged enum payload pointers, so
    # the built-in knowledge base, cached for the whole process, is reported as a leak at exit.
    # libFuzzer's flag covers the runs; ASAN_OPTIONS covers the exit check, which otherwise writes an
    # empty "crash" input (crash-da39a3ee…, the SHA-1 of nothing) after a clean run.
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" "$binary" -detect_leaks=0 -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="$artifacts/" "$corpus.work" "$corpus" 2>&1 | grep -E "^(Done|==[0-9]+==ERROR|SUMMARY|artifact_prefix|.*Fatal error)" | head -n 20 || true
done
