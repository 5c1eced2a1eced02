# Sourced by the tmux tests (scripts/tmux-chat-test.sh, scripts/tmux-chat-probe-test.sh): reading the
# pane of the chat under test, waiting for what a person would see, and failing with the pane shown.
# The caller sets `test_name` (for messages), `socket` (its private tmux server) and `session`.

tmux_() { tmux -S "$socket" "$@"; }
pane() { tmux_ capture-pane -p -J -S - -t "$session"; }
fail() {
    echo "$test_name: FAIL: $1" >&2
    echo "----- pane -----" >&2
    pane >&2
    echo "----------------" >&2
    exit 1
}
# Waits up to $2 seconds (default 10) for the pane to match the extended regex $1.
wait_for() {
    local deadline=$((SECONDS + ${2:-10}))
    while ((SECONDS < deadline)); do
        if pane | grep -Eq -- "$1"; then return 0; fi
        sleep 0.1
    done
    fail "timed out waiting for /$1/"
}
# How many lines of the pane match the extended regex $1.
count() { pane | grep -Ec -- "$1" || true; }
# What a person sees holds no raw escape sequences or their remnants.
no_escape_garbage() {
    if pane | grep -Eq $'\x1b|\\^\\[|\\[[0-9;]*m'; then fail "escape sequence garbage on screen"; fi
}
