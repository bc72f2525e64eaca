#!/usr/bin/env bash
# Start-up: process start to the first painted window, fim-playground versus the smallest Qt
# Widgets program that paints an editor (same run, same platform). Medians of 15 runs.
#   startup.sh BIN_DIR
set -euo pipefail
bin=$1; runs=15
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME=$scratch/config XDG_STATE_HOME=$scratch/state FIM_EXIT_AFTER_FIRST_PAINT=1
time_ms() { # time_ms CMD... : wall-clock milliseconds of one run
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}
median() { sort -n | awk '{v[NR]=$1} END {printf "%.1f", v[int((NR+1)/2)] / 1000}'; }
"$bin/fim-playground" >/dev/null 2>&1 || true # first run writes the settings; warm the page cache
"$bin/bare_window" >/dev/null 2>&1 || true
app=$(for _ in $(seq $runs); do time_ms "$bin/fim-playground"; done | median)
bare=$(for _ in $(seq $runs); do time_ms "$bin/bare_window"; done | median)
echo "start-up to first paint ($QT_QPA_PLATFORM platform), median of $runs runs"
echo "  bare Qt window   $bare ms"
echo "  fim-playground   $app ms   ratio $(awk -v a="$app" -v b="$bare" 'BEGIN {printf "%.2f", a/b}')"
