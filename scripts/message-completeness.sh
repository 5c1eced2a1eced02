#!/bin/sh
# Pastes every diagnosis-bearing message of the OpenClaw reference alone (see
# Tests/ClawfixDiagnosisTests/OpenClawMessages.md) and prints the share whose own diagnosis ranks in
# the top three, with every miss and the question it leads to. Build first: swift build --build-tests
set -e
cd "$(dirname "$0")/.."
swift test --skip-build --filter MessageCompletenessTests 2>&1 | grep -E "^message completeness|^  [0-9H]|passed|failed"
