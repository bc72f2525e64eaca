#!/usr/bin/env bash
# Start-up: process start to the first painted window, fim-playground versus the smallest Qt
# Widgets program that paints an editor (same run, same platform, the two alternating). Medians of
# 15 runs each; then where fim-playground's time goes, phase by phase (its --timings: wall-clock
# and the main thread's processor time, median of each phase over the runs).
#   startup.sh BIN_DIR [RUNS]
set -euo pipefail
bin=$1; runs=${2:-15}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME=$scratch/config XDG_STATE_HOME=$scratch/state XDG_DATA_HOME=$scratch/data FIM_EXIT_AFTER_FIRST_PAINT=1
time_us() { # time_us OUT CMD... : wall-clock microseconds of one run; its stderr into OUT
  local out=$1 start end
  shift
  start=$(date +%s%N)
  "$@" >/dev/null 2>"$out"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}
median() { sort -n | awk '{v[NR]=$1} END {printf "%.1f", v[int((NR+1)/2)] / 1000}'; }
"$bin/fim-playground" >/dev/null 2>&1 || true # first run writes the settings; warm the page cache
"$bin/bare_window" >/dev/null 2>&1 || true
: >"$scratch/app" ; : >"$scratch/bare"; : >"$scratch/phases"
for i in $(seq "$runs"); do
  time_us "$scratch/timings" "$bin/fim-playground" --timings >>"$scratch/app"
  # "  phase name   wall   at   cpu": keep name, wall and cpu (the name may hold spaces)
  grep -E '^  .*[0-9.]+ +[0-9.]+ +[0-9.]+$' "$scratch/timings" | grep -v '^  total ' \
    | sed -E "s/^  (.*[^ ]) +(-?[0-9.]+) +(-?[0-9.]+) +(-?[0-9.]+)\$/$i\t\1\t\2\t\4/" >>"$scratch/phases"
  time_us /dev/null "$bin/bare_window" >>"$scratch/bare"
done
app=$(median <"$scratch/app")
bare=$(median <"$scratch/bare")
echo "start-up to first paint ($QT_QPA_PLATFORM platform), median of $runs runs, alternating"
echo "  bare Qt window   $bare ms"
echo "  fim-playground   $app ms   ratio $(awk -v a="$app" -v b="$bare" 'BEGIN {printf "%.2f", a/b}')"
echo "fim-playground --timings, median of each phase over the $runs runs (ms; ×bare: the phase's wall time over the bare window's whole start-up)"
awk -F'\t' -v bare="$bare" '
  !($2 in seen) { seen[$2] = 1; order[++n] = $2 }
  { wall[$2, ++count[$2]] = $3; cpu[$2, count[$2]] = $4 }
  function med(a, name, k,   i, j, t, v) {
    for (i = 1; i <= k; i++) v[i] = a[name, i]
    for (i = 2; i <= k; i++) for (j = i; j > 1 && v[j-1] > v[j]; j--) { t = v[j]; v[j] = v[j-1]; v[j-1] = t }
    return v[int((k + 1) / 2)]
  }
  END {
    printf "  %-62s %8s %8s %7s\n", "phase", "wall", "cpu", "×bare"
    for (p = 1; p <= n; p++) {
      w = med(wall, order[p], count[order[p]]); c = med(cpu, order[p], count[order[p]])
      tw += w; tc += c
      printf "  %-62s %8.2f %8.2f %7.2f\n", order[p], w, c, w / bare
    }
    printf "  %-62s %8.2f %8.2f %7.2f\n", "sum of the medians", tw, tc, tw / bare
  }' "$scratch/phases"
