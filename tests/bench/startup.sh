#!/usr/bin/env bash
# Start-up: process start to the first painted window, fim-playground versus the smallest Qt
# Widgets program that paints an editor (same run, same platform, the two alternating). Medians of
# 31 runs each, two ways: to the first frame done (each program prints the system clock then; the
# start is bash's clock just before it starts the program) and the whole process, its exit included.
# Then where fim-playground's time goes, phase by phase (its --timings: wall-clock and the main
# thread's processor time, median of each phase over the runs).
#   startup.sh BIN_DIR [RUNS]
set -euo pipefail
bin=$1; runs=${2:-31}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_CONFIG_HOME=$scratch/config XDG_STATE_HOME=$scratch/state XDG_DATA_HOME=$scratch/data FIM_EXIT_AFTER_FIRST_PAINT=1
[ -n "${EPOCHREALTIME:-}" ] || { echo "startup.sh needs bash 5 (EPOCHREALTIME)" >&2; exit 1; }
time_us() { # time_us OUT CMD... : "WHOLE PAINT", microseconds from the start to the exit and to the first frame; stderr into OUT
  local out=$1 start end paint
  shift
  start=${EPOCHREALTIME/[.,]/} # read by bash itself: no process started for it
  "$@" >/dev/null 2>"$out" || { local status=$?; echo "$1 failed (exit status $status):" >&2; cat "$out" >&2; exit 1; }
  end=${EPOCHREALTIME/[.,]/}
  paint=$(sed -n 's/^first paint at \([0-9]*\)$/\1/p' "$out")
  [ -n "$paint" ] || { echo "no first paint reported by $1" >&2; cat "$out" >&2; exit 1; }
  echo "$(( end - start )) $(( paint / 1000 - start ))"
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
  time_us "$scratch/bare-stderr" "$bin/bare_window" >>"$scratch/bare"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
paint_app=$(cut -d' ' -f2 <"$scratch/app" | median); paint_bare=$(cut -d' ' -f2 <"$scratch/bare" | median)
app=$(cut -d' ' -f1 <"$scratch/app" | median); bare=$(cut -d' ' -f1 <"$scratch/bare" | median)
echo "start-up to first paint ($QT_QPA_PLATFORM platform), median of $runs runs, alternating"
echo "  to the first frame done"
echo "    bare Qt window   $paint_bare ms"
echo "    fim-playground   $paint_app ms   ratio $(ratio "$paint_app" "$paint_bare")"
echo "  the whole process, its exit included"
echo "    bare Qt window   $bare ms"
echo "    fim-playground   $app ms   ratio $(ratio "$app" "$bare")"
echo "fim-playground --timings, median of each phase over the $runs runs (ms; ×bare: the phase's wall time over the bare window's time to its first frame)"
awk -F'\t' -v bare="$paint_bare" '
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
