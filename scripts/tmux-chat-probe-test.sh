#!/usr/bin/env bash
# Drives `clawfix chat` in a real terminal (a detached tmux session) through a conversation with a
# live /probe against the gateway emulator, and checks what a person sees at each turn:
#   1. a greeting gets the opening question, not "No diagnosis";
#   2. an error gets a diagnosis and the offer to probe (once);
#   3. `/probe URL --device` shows "probing…", the verdict in words, its next step and where the
#      token came from (never the token), and the engine's diagnosis with the request to approve;
#   4. an answer clawfix cannot read is acknowledged; thanks get a polite close, no re-posted fix;
#   5. Ctrl-C stops a probe that hangs, at once;
#   6. a restarted chat says it continues the saved conversation and how to start afresh;
#   and no escape-sequence garbage reaches the screen.
#
# Usage: scripts/tmux-chat-probe-test.sh [BIN_DIR]   (default .build/debug; needs clawfix and
#        clawfix-gateway-emulator there)
# Exit: 0 all checks passed, 1 a check failed (the pane is printed), 2 tmux or a binary missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin_dir=${1:-$root/.build/debug}
binary=$bin_dir/clawfix
emulator=$bin_dir/clawfix-gateway-emulator
command -v tmux >/dev/null || { echo "tmux-chat-probe-test: tmux is not installed" >&2; exit 2; }
for file in "$binary" "$emulator"; do
    [ -x "$file" ] || { echo "tmux-chat-probe-test: no $file (swift build first)" >&2; exit 2; }
done

test_name=tmux-chat-probe-test
session="clawfix-probe-test-$$"
home=$(mktemp -d)
socket="$home/tmux.sock"
token="tmux-probe-token-$$-c0ffee"
pids=()
# shellcheck source=scripts/tmux-pane.sh
. "$root/scripts/tmux-pane.sh"
cleanup() {
    tmux_ kill-server 2>/dev/null || true
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$home"
}
trap cleanup EXIT

# Two emulators: a gateway that wants this device approved, and one that never sends its challenge.
# Started here, not in a $(…) subshell, so their pids reach the cleanup.
start_emulator() {
    "$emulator" "$@" >"$home/emulator-$1.url" </dev/null 2>"$home/emulator-$1.err" &
    pids+=($!)
}
url_of() {
    for _ in $(seq 100); do
        [ -s "$home/emulator-$1.url" ] && break
        sleep 0.1
    done
    head -n1 "$home/emulator-$1.url"
}
start_emulator pairing --token "$token"
start_emulator silent
gateway=$(url_of pairing)
silent=$(url_of silent)
[ -n "$gateway" ] && [ -n "$silent" ] || { echo "tmux-chat-probe-test: the emulator did not start" >&2; exit 2; }

chat_command="env -u NO_COLOR OPENCLAW_GATEWAY_TOKEN='$token' XDG_CACHE_HOME='$home/cache' XDG_CONFIG_HOME='$home/config' \
HOME='$home' TERM=xterm-256color '$binary' chat; echo CLAWFIX-EXITED-\$?; sleep 30"
# A private tmux server (-S) so the test never touches a user's sessions; a fresh cache and HOME.
tmux_ -f /dev/null new-session -d -s "$session" -x 150 -y 60 "$chat_command" </dev/null >/dev/null 2>&1

say() {
    local prompts
    prompts=$(count '^clawfix> ')
    tmux_ send-keys -t "$session" -l "$1"
    tmux_ send-keys -t "$session" Enter
    # The answer is complete when the next prompt appears.
    local deadline=$((SECONDS + ${2:-15}))
    while ((SECONDS < deadline)); do
        (($(count '^clawfix> ') > prompts)) && return 0
        sleep 0.1
    done
    fail "no prompt after: $1"
}

wait_for '^clawfix> '

# 1. A greeting: the opening question.
say 'hi'
pane | grep -q '^Next: What exactly do you see' || fail "no opening question after a greeting"
if pane | grep -q 'No diagnosis yet'; then fail "a greeting got 'No diagnosis yet'"; fi

# 2. An error: a diagnosis, and the offer to probe.
say 'the dashboard says disconnected (1008): pairing required'
pane | grep -Eq '^1\. [a-z-]+ — ' || fail "no diagnosis for the pairing error"
[ "$(count 'from here\? Type /probe')" -eq 1 ] || fail "the probe was not offered exactly once"

# 3. The probe, with clawfix's own device key, against the emulator.
say "/probe $gateway --device" 20
pane | grep -q 'probing… (Ctrl-C stops it)' || fail "no 'probing…' line while the probe ran"
pane | grep -q "^Probe ${gateway}/: The gateway is up and wants this device approved" || fail "no verdict in words"
pane | grep -q '^Next step: Approve request 7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f' || fail "no next step naming the request"
pane | grep -q '^Credential: OPENCLAW_GATEWAY_TOKEN in the environment' || fail "no credential source line"
pane | grep -Eq '^1\. pairing-not-approved — ' || fail "the probe did not lead to pairing-not-approved"
pane | grep -q 'devices approve 7d3b5c1e-2f4a-4b6c-9d8e-0a1b2c3d4e5f' || fail "no approve command for the request"
if pane | grep -qF "$token"; then fail "the token reached the screen"; fi
[ "$(count 'from here\? Type /probe')" -eq 1 ] || fail "the probe was offered again after probing"
fixes=$(count '^   Fix:$')

# 4. An answer clawfix cannot read, then thanks: acknowledged, and no fix posted again.
say 'hmm, not sure what you mean'
pane | grep -q 'I could not read that as an answer' || fail "an unreadable answer was not acknowledged"
say 'thanks, that fixed it!'
pane | grep -q '^Glad it works now' || fail "thanks got no polite close"
[ "$(count '^   Fix:$')" -eq "$fixes" ] || fail "the fix was posted again after thanks"

# 5. Ctrl-C stops a probe that would wait for its whole timeout.
tmux_ send-keys -t "$session" -l "/probe $silent"
tmux_ send-keys -t "$session" Enter
wait_for 'probing… \(Ctrl-C stops it\)' 5
sleep 0.3
started=$SECONDS
tmux_ send-keys -t "$session" C-c
wait_for '^Probe interrupted; nothing was added\.' 3
((SECONDS - started <= 2)) || fail "Ctrl-C did not stop the probe at once"
if pane | grep -q 'CLAWFIX-EXITED'; then fail "Ctrl-C during a probe ended the chat"; fi

# 6. Ctrl-D, then a new chat resumes the saved conversation and says how to start afresh.
tmux_ send-keys -t "$session" C-d
wait_for 'CLAWFIX-EXITED-0'
no_escape_garbage
tmux_ kill-session -t "$session"
tmux_ -f /dev/null new-session -d -s "$session" -x 150 -y 60 "$chat_command" </dev/null >/dev/null 2>&1
wait_for '^clawfix> '
pane | grep -Eq '^Continuing your saved conversation \([0-9]+ facts so far(; likeliest cause: [a-z-]+)?\)\. /reset or clawfix chat --new starts afresh\.' \
    || fail "a restarted chat did not say it resumes"
tmux_ send-keys -t "$session" C-d
wait_for 'CLAWFIX-EXITED-0'

no_escape_garbage

echo "tmux-chat-probe-test: ok"
