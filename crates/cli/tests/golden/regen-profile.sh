#!/usr/bin/env bash
# Regenerates profile-example.txt: what real Jekyll (4.3.1, Debian) prints on
# stdout for `jekyll build --profile` in a copy of examples/academic, built in
# production (JEKYLL_ENV=production, as the benchmark builds), with the copy's
# path replaced by SOURCE. crates/cli/tests/build_log.rs compares hyde's log
# with it (times masked).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/examples/academic" "$tmp/site"
rm -rf "$tmp/site/_site" "$tmp/site/.jekyll-cache"
(cd "$tmp/site" && TZ=UTC JEKYLL_ENV=production jekyll build --profile 2>/dev/null) |
  sed "s|$tmp/site|SOURCE|g" >"$here/profile-example.txt"
