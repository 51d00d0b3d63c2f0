#!/bin/sh
# Times one compilation of the scholar theme with hyde-sass, sassc (Ruby's
# libsass binding) and dart-sass on node, in the same run, and prints the
# ratios. Each tool compiles in-process N times after a warm-up, so start-up
# costs (cargo, ruby, node) are not counted.
#
#   crates/sass/benches/compare.sh [N]
#
# Needs: cargo, ruby with the sassc gem, node with
# crates/sass/tests/corpus/node_modules (npm ci there).
set -eu
N=${1:-20}
HERE=$(cd "$(dirname "$0")/.." && pwd)
THEME=$HERE/tests/corpus/themes/scholar
cd "$HERE"
cargo build --quiet --release -p hyde-sass --example compile_file
BIN=$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')/release/examples/compile_file

for style in expanded compressed; do
  flag=""; [ "$style" = compressed ] && flag="--compressed"
  "$BIN" "$THEME/main.scss" --load-path "$THEME/_sass" $flag --repeat 2 >/dev/null
  hyde=$("$BIN" "$THEME/main.scss" --load-path "$THEME/_sass" $flag --repeat "$N")
  sassc=$(ruby -e '
    require "sassc"
    src = File.read(ARGV[0]); opts = { style: ARGV[2].to_sym, load_paths: [ARGV[1]], filename: ARGV[0] }
    2.times { SassC::Engine.new(src, opts).render }
    n = ARGV[3].to_i; t = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    n.times { SassC::Engine.new(src, opts).render }
    printf("%.2f", (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t) * 1000 / n)
  ' "$THEME/main.scss" "$THEME/_sass" "$style" "$N")
  dart=$(cd tests/corpus && node -e '
    const sass = require("sass"); const [file, lp, style, n] = process.argv.slice(1);
    const opts = { style, loadPaths: [lp], logger: sass.Logger.silent };
    for (let i = 0; i < 2; i++) sass.compile(file, opts);
    const t = process.hrtime.bigint();
    for (let i = 0; i < +n; i++) sass.compile(file, opts);
    console.log((Number(process.hrtime.bigint() - t) / 1e6 / n).toFixed(2));
  ' "$THEME/main.scss" "$THEME/_sass" "$style" "$N")
  awk -v s="$style" -v h="$hyde" -v c="$sassc" -v d="$dart" 'BEGIN {
    printf "%-10s hyde %7.2f ms   sassc %7.2f ms (hyde %.2fx faster)   dart-sass %7.2f ms (hyde %.2fx faster)\n", s, h, c, c / h, d, d / h }'
done
