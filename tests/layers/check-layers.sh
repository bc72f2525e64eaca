#!/usr/bin/env bash
# Keeps the layers of app/ and ui/ true (README, "Layout"): a file includes headers of its own folder
# and of folders on lower layers only, always as "folder/name.h"; the library (app/ but main.cpp)
# includes no widget header. Usage: check-layers.sh SOURCE_DIR [QT_WIDGETS_INCLUDE_DIR]
set -euo pipefail
src=$1
widgets=${2:-}

# The layer of each folder, lowest first. A folder may include folders of a lower number only, so
# no two folders include each other. app/cli and ui/ stand on the library side by side: neither
# includes the other; only app/main.cpp sees both.
declare -A layer=(
  [app/text]=0 [app/files]=0
  [app/wire]=1
  [app/backends]=2
  [app/net]=3
  [app/completion]=4
  [app/latency]=5 [app/history]=5
  [app/settings]=6
  [app/suite]=7
  [app/context]=8
  [app/cli]=9 [ui/editor]=9 [ui/panels]=9
  [ui/window]=10
  [app]=11
)

cd "$src"
fail=0
checked=0
complain() { echo "$1: $2" >&2; fail=1; }

while IFS= read -r file; do
  folder=$(dirname "$file")
  own=${layer[$folder]:-}
  if [ -z "$own" ]; then
    complain "$file" "folder $folder has no layer: add it to tests/layers/check-layers.sh and the README's Layout"
    continue
  fi
  checked=$((checked + 1))
  while IFS= read -r line; do
    n=${line%%:*}
    inc=$(sed -E 's/^[0-9]+:#include "([^"]+)".*/\1/' <<<"$line")
    case $inc in moc_*|*.moc|ui_*) continue ;; esac
    if [[ $inc != */* ]]; then
      complain "$file:$n" "\"$inc\": write our headers with their folder (\"folder/$inc\")"
      continue
    fi
    target=""
    for root in app ui; do
      [ -f "$root/$inc" ] && target="$root/$(dirname "$inc")"
    done
    [ -n "$target" ] || continue # a header of Qt's, KF6's or the build's
    theirs=${layer[$target]:-}
    if [ "$target" != "$folder" ] && { [ -z "$theirs" ] || [ "$theirs" -ge "$own" ]; }; then
      complain "$file:$n" "$folder (layer $own) may not include $inc ($target, layer ${theirs:-none})"
    fi
  done < <(grep -n '^#include "' "$file" || true)
  if [ -n "$widgets" ] && [[ $folder == app/* ]] && [ "$folder" != app ]; then
    while IFS= read -r line; do
      inc=$(sed -E 's/^[0-9]+:#include <([^>]+)>.*/\1/' <<<"$line")
      base=${inc#QtWidgets/}
      if [ -e "$widgets/$base" ] || [[ $inc == QtWidgets/* ]] || [[ $inc == KSyntaxHighlighting/* ]]; then
        complain "$file:${line%%:*}" "the library includes no widget or editor header (<$inc>)"
      fi
    done < <(grep -n '^#include <' "$file" || true)
  fi
done < <(find app ui -name '*.h' -o -name '*.cpp' | sort)

if [ "$fail" -ne 0 ]; then
  echo "layers: some includes go up or sideways (see above)" >&2
  exit 1
fi
echo "layers: $checked files of app/ and ui/ include only their own folder and lower layers"
