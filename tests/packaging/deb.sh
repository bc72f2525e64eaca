#!/usr/bin/env bash
# Builds the .deb with CPack from a built tree, checks its dependencies came from dpkg-shlibdeps,
# unpacks it into a scratch root (dpkg -x) and runs both executables from there.
set -euo pipefail
build=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/*.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6widgets6 libqt6network6 libqt6sql6 libkf6syntaxhighlighting6 libqt6keychain1 qt6-qpa-plugins qt6-svg-plugins libqt6sql6-sqlite; do
  grep -q "$lib" <<<"$depends" || { echo "FAIL: $lib missing from Depends" >&2; exit 1; }
done
root="$out/root"
dpkg -x "$deb" "$root"
for f in usr/bin/fim-playground usr/bin/fim-complete \
         usr/share/applications/io.github.fim_playground.FimPlayground.desktop \
         usr/share/metainfo/io.github.fim_playground.FimPlayground.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.fim_playground.FimPlayground.svg; do
  [ -e "$root/$f" ] || { echo "FAIL: $f not in the package" >&2; exit 1; }
done
version=$("$root/usr/bin/fim-playground" --version)
echo "fim-playground --version: $version"
grep -q '^fim-playground [0-9]' <<<"$version" || { echo "FAIL: unexpected version output" >&2; exit 1; }
# Read the whole help before matching: grep -q leaves at the first match, and with pipefail the
# SIGPIPE that then meets a help text written in several pieces would fail the test at random.
help=$("$root/usr/bin/fim-complete" --help)
grep -q -- '--endpoint' <<<"$help" || { echo "FAIL: fim-complete --help" >&2; exit 1; }
echo "fim-complete --help: ok"
