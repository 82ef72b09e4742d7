#!/usr/bin/env bash
# Clean build time and crate count of the two minimal binaries, each built
# alone into a fresh target dir (the dev profile: what `cargo build` and
# `cargo run` do first; PROFILES="dev release" adds release). Dependencies are
# fetched first so download time is not counted. CPU time (user + system of
# cargo and every rustc) is less sensitive to a busy machine than wall time.
# Prints a Markdown table.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-/tmp/footprint}"
mkdir -p "$out"
profiles="${PROFILES:-dev}"
printf '| client | crates (`cargo tree -e normal`) |'
for profile in $profiles; do printf ' clean %s build: wall / CPU | %s binary |' "$profile" "$profile"; done
printf '\n|---|---:|'
for profile in $profiles; do printf -- '---:|---:|'; done
printf '\n'

for peer in ours async-openai; do
  dir="$here/$peer"
  cargo fetch --quiet --manifest-path "$dir/Cargo.toml"
  crates=$(cd "$dir" && cargo tree -e normal --prefix none | sort -u | wc -l)
  row="| $peer | $crates |"
  for profile in $profiles; do
    target="$out/$peer-$profile"
    rm -rf "$target"
    CARGO_TARGET_DIR="$target" /usr/bin/time -f "%e %U %S" -o "$out/$peer-$profile.time" \
      cargo build --quiet --jobs 2 --profile "$profile" --manifest-path "$dir/Cargo.toml"
    read -r wall user sys < "$out/$peer-$profile.time"
    dir_name=$([ "$profile" = dev ] && echo debug || echo "$profile")
    size=$(du -k "$target/$dir_name/footprint-$peer" | cut -f1)
    row+="$(printf ' %.0f s / %.0f s | %s KiB |' "$wall" "$(echo "$user + $sys" | bc)" "$size")"
  done
  echo "$row"
done
