#!/usr/bin/env bash
# Drives `clawfix chat` in a real terminal (a detached tmux session) and checks what a person
# sees: a typed question, a multi-line `docker ps` paste taken as ONE message, a diagnosis with its
# next command, Ctrl-C at the prompt, Ctrl-D with a goodbye line, and no escape-sequence garbage.
#
# Usage: scripts/tmux-chat-test.sh [path/to/clawfix]   (default .build/debug/clawfix)
# Exit: 0 all checks passed, 1 a check failed (the pane is printed), 2 tmux or the binary missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
binary=${1:-$root/.build/debug/clawfix}
command -v tmux >/dev/null || { echo "tmux-chat-test: tmux is not installed" >&2; exit 2; }
[ -x "$binary" ] || { echo "tmux-chat-test: no clawfix binary at $binary (swift build first)" >&2; exit 2; }

test_name=tmux-chat-test
session="clawfix-chat-test-$$"
home=$(mktemp -d)
socket="$home/tmux.sock"
# shellcheck source=scripts/tmux-pane.sh
. "$root/scripts/tmux-pane.sh"
cleanup() { tmux_ kill-server 2>/dev/null || true; rm -rf "$home"; }
trap cleanup EXIT

# A private tmux server (-S) so the test never touches a user's sessions; a fresh cache and HOME.
tmux_ -f /dev/null new-session -d -s "$session" -x 160 -y 50 \
    "env -u NO_COLOR XDG_CACHE_HOME='$home/cache' HOME='$home' TERM=xterm-256color '$binary' chat; echo CLAWFIX-EXITED-\$?; sleep 5" </dev/null >/dev/null 2>&1 \
    </dev/null >/dev/null 2>&1  # the tmux server inherits these: never the caller's pipes

wait_for 'clawfix> '

# 1. A typed question.
tmux_ send-keys -t "$session" -l 'the dashboard says disconnected (1008): pairing required'
tmux_ send-keys -t "$session" Enter
wait_for '^(1\. |No diagnosis yet)'
[ "$(count 'clawfix> ')" -eq 2 ] || fail "expected a second prompt after the question"

# 2. Ctrl-C at the prompt clears the line and keeps the chat running.
tmux_ send-keys -t "$session" -l 'half a line I regret'
tmux_ send-keys -t "$session" C-c
wait_for 'press Ctrl-C again'
if pane | grep -q 'CLAWFIX-EXITED'; then fail "one Ctrl-C ended the chat"; fi

# 3. A multi-line paste, delivered in one burst as a terminal delivers a paste.
paste='CONTAINER ID   IMAGE            COMMAND                  CREATED       STATUS                 PORTS                                         NAMES
32a411bc4f97   openclaw:local   "docker-entrypoint.s…"   2 days ago    Up 2 days (healthy)    0.0.0.0:18789-18790->18789-18790/tcp          openclaw-openclaw-gateway-1
7fd9a657e794   openclaw:local   "node dist/index.js …"   6 seconds ago Up 5 seconds                                                        openclaw-openclaw-cli-run-7c1d2e3f4a5b'
prompts_before=$(count 'clawfix> ')
tmux_ send-keys -t "$session" -l "$paste"
tmux_ send-keys -t "$session" Enter
wait_for "^Next: |^No diagnosis yet" 10
sleep 0.5
prompts_after=$(count 'clawfix> ')
# One reply and one new prompt: the three lines were one message, not three.
[ "$prompts_after" -eq $((prompts_before + 1)) ] || fail "the paste was split: $prompts_before prompts before, $prompts_after after"
pane | grep -Eq '^1\. (docker-nat-not-local|pairing-not-approved) — ' || fail "no pairing diagnosis after the docker ps paste"
# The next step after it: the Control UI's URL (a question in words, cheapest) or a command to run.
pane | grep -Eq '^Next: .*(URL|\?)|^   \$ .*(docker|openclaw)' || fail "no next step shown"

# 4. Ctrl-D: goodbye line, clean exit.
tmux_ send-keys -t "$session" C-d
wait_for '^Bye\.'
wait_for 'CLAWFIX-EXITED-0'

# 5. What a person sees holds no raw escape sequences or their remnants.
no_escape_garbage

echo "tmux-chat-test: ok"
