#!/usr/bin/env bash
# Keeps the layers of app/ and ui/ true (README, "Layout"): a file includes headers of its own folder
# and of folders on lower layers only, always as "folder/name.h" (quoted, never relative); app/cli
# and ui/ never include each other; the library (app/ but main.cpp and cli/) includes no widget,
# GUI or editor header.
# Usage: check-layers.sh SOURCE_DIR [QT_HEADERS_DIR...]  (e.g. .../qt6/QtWidgets .../qt6/QtGui: a
# library include naming a header there is refused too)
set -euo pipefail
src=$1
shift
qt_forbidden=("$@")

# The layer of each folder, lowest first. A folder may include folders of a lower number only, so
# no two folders include each other. app/cli and ui/ stand on the library side by side; only
# app/main.cpp sees both.
declare -A layer=(
  [app/text]=0 [app/files]=0
  [app/wire]=1
  [app/backends]=2
  [app/net]=3
  [app/completion]=4
  [app/latency]=5 [app/history]=5 [app/extracontext]=5
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

# Where an include names one of our headers: its folder (app/x or ui/x), or nothing.
ours() {
  local inc=$1 root
  for root in app ui; do
    if [ -f "$root/$inc" ]; then echo "$root/$(dirname "$inc")"; return; fi
  done
}

while IFS= read -r file; do
  folder=$(dirname "$file")
  own=${layer[$folder]:-}
  if [ -z "$own" ]; then
    complain "$file" "folder $folder has no layer: add it to tests/layers/check-layers.sh and the README's Layout"
    continue
  fi
  if [ "$folder" = app ] && [ "$file" != app/main.cpp ]; then
    complain "$file" "the library's files stand in its folders; only main.cpp stands at the top of app/"
    continue
  fi
  checked=$((checked + 1))
  library=0
  [[ $folder == app/* ]] && [ "$folder" != app/cli ] && library=1
  while IFS= read -r line; do
    n=${line%%:*}
    directive=${line#*:}
    inc=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/' <<<"$directive")
    quoted=0
    [[ $directive =~ include[[:space:]]*\" ]] && quoted=1
    case $inc in moc_*|*.moc|ui_*) continue ;; esac
    if [[ $inc == *..* || $inc == ./* ]]; then
      complain "$file:$n" "\"$inc\": no relative includes; write \"folder/name.h\""
      continue
    fi
    target=$(ours "$inc")
    if [ -z "$target" ] && [ "$quoted" = 1 ] && [[ $inc != */* ]] && [ -f "$folder/$inc" ]; then
      complain "$file:$n" "\"$inc\": write our headers with their folder (\"${folder#*/}/$inc\")"
      continue
    fi
    if [ -n "$target" ]; then
      if [ "$quoted" = 0 ]; then
        complain "$file:$n" "<$inc>: our headers are included with quotes"
      fi
      theirs=${layer[$target]:-}
      if [ "$target" != "$folder" ] && { [ -z "$theirs" ] || [ "$theirs" -ge "$own" ]; }; then
        complain "$file:$n" "$folder (layer $own) may not include $inc ($target, layer ${theirs:-none})"
      elif { [[ $folder == ui/* ]] && [ "$target" = app/cli ]; } || { [ "$folder" = app/cli ] && [[ $target == ui/* ]]; }; then
        complain "$file:$n" "app/cli and ui/ never include each other ($inc)"
      fi
      continue
    fi
    # Not ours: a header of Qt's, KF6's, the system's or the build's.
    if [ "$library" = 1 ]; then
      forbidden=""
      case $inc in QtWidgets/*|QtGui/*|KSyntaxHighlighting/*|QtSvg/*) forbidden=1 ;; esac
      for dir in "${qt_forbidden[@]}"; do
        [ -n "$dir" ] && [ -e "$dir/${inc#*/}" ] && [[ $inc != QtCore/* && $inc != QtNetwork/* && $inc != QtSql/* ]] && forbidden=1
      done
      [ -n "$forbidden" ] && complain "$file:$n" "the library includes no widget, GUI or editor header (<$inc>)"
    fi
  done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$file" || true)
done < <(find app ui -type f \( -name '*.h' -o -name '*.hpp' -o -name '*.hh' -o -name '*.cpp' -o -name '*.cc' -o -name '*.cxx' \) | sort)

if [ "$fail" -ne 0 ]; then
  echo "layers: some includes go up or sideways, or name a widget header in the library (see above)" >&2
  exit 1
fi
echo "layers: $checked files of app/ and ui/ include only their own folder and lower layers; the library no widget or GUI header"
