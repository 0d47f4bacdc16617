#!/bin/sh
# Cold start of the desktop app: time to the first frame on screen, on the built-in demo and on any
# project files given. Runs under a virtual X server (Xvfb, Mesa's software OpenGL), five runs each,
# in a fresh home folder (no recent file is reopened, the user's preferences are not touched).
#
#   cargo build --release
#   benches/cold_start.sh target/release/medfunnel [PROJECT.medfunnel ...]
#
# Prints, per run, the app's own figure (from its start to the first frame drawn, printed by
# MEDFUNNEL_EXIT_AFTER_FIRST_FRAME=1) and the wall time from launching the process to its exit.
set -eu
BIN=${1:?usage: benches/cold_start.sh BINARY [PROJECT ...]}
shift
TMP=$(mktemp -d)
trap 'kill "$XVFB" 2>/dev/null; rm -rf "$TMP"' EXIT
# A free display number (others may run their own Xvfb): the server writes the one it took.
Xvfb -displayfd 3 -screen 0 1920x1080x24 3>"$TMP/display" >/dev/null 2>&1 &
XVFB=$!
while [ ! -s "$TMP/display" ]; do sleep 0.1; done
export DISPLAY=":$(cat "$TMP/display")" HOME="$TMP" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
export MEDFUNNEL_EXIT_AFTER_FIRST_FRAME=1

measure() {
    name=$1
    shift
    for run in 1 2 3 4 5; do
        start=$(date +%s%N)
        frame=$(timeout 120 "$BIN" "$@" 2>&1 >/dev/null | grep "first frame" || echo "no frame")
        end=$(date +%s%N)
        echo "$name run $run: $frame, process $(( (end - start) / 1000000 )) ms"
    done
}

measure demo
for project in "$@"; do
    measure "$(basename "$project")" "$project"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
