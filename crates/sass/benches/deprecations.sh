#!/bin/sh
# What hyde's deprecation detection costs: times one compilation of a
# stylesheet with hyde-sass (warnings as dart-sass gives them), hyde-sass
# without deprecation detection (`--no-deprecations`), sassc (Ruby's libsass
# binding) and dart-sass on node, in the same run. Each tool compiles
# in-process N times after a warm-up; the mean per compilation is printed.
#
#   crates/sass/benches/deprecations.sh [FILE LOAD_PATH] [N]
#
# Without FILE, the grid-framework-shaped input in benches/gridkit. A site's
# `assets/css/main.scss` must have its front matter and Liquid removed
# first. Needs: cargo, ruby with the sassc gem, node with
# crates/sass/tests/corpus/node_modules (npm ci there).
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 2 ]; then
  FILE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); LOAD=$(cd "$2" && pwd); shift 2
else
  FILE=$HERE/benches/gridkit/main.scss; LOAD=$HERE/benches/gridkit/_sass
fi
N=${1:-10}
cd "$HERE"
cargo build --quiet --release -p hyde-sass --example compile_file
BIN=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')/release/examples/compile_file

"$BIN" "$FILE" --load-path "$LOAD" --repeat 2 >/dev/null 2>&1
hyde=$("$BIN" "$FILE" --load-path "$LOAD" --repeat "$N" 2>/dev/null)
bare=$("$BIN" "$FILE" --load-path "$LOAD" --no-deprecations --repeat "$N" 2>/dev/null)
sassc=$(ruby -e '
  require "sassc"
  src = File.read(ARGV[0]); opts = { style: :expanded, load_paths: [ARGV[1]], filename: ARGV[0], quiet: true }
  $stderr.reopen(File::NULL)
  2.times { SassC::Engine.new(src, opts).render }
  n = ARGV[2].to_i; t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  n.times { SassC::Engine.new(src, opts).render }
  printf("%.2f", (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t) * 1000 / n)
' "$FILE" "$LOAD" "$N")
dart=$(cd tests/corpus && node -e '
  const sass = require("sass"); const [file, lp, n] = process.argv.slice(1);
  const opts = { style: "expanded", loadPaths: [lp], logger: sass.Logger.silent };
  for (let i = 0; i < 2; i++) sass.compile(file, opts);
  const t = process.hrtime.bigint();
  for (let i = 0; i < +n; i++) sass.compile(file, opts);
  console.log((Number(process.hrtime.bigint() - t) / 1e6 / n).toFixed(2));
' "$FILE" "$LOAD" "$N")
awk -v h="$hyde" -v b="$bare" -v c="$sassc" -v d="$dart" 'BEGIN {
  printf "hyde %.2f ms   without deprecations %.2f ms (detection +%.0f%%)   sassc %.2f ms   dart-sass %.2f ms\n", h, b, (h / b - 1) * 100, c, d }'
