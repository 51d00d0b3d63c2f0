#!/usr/bin/env bash
# Regenerate fixtures/<case>/expected/ with real Jekyll (4.3.1 + Debian's plugin packages).
#
# Usage: scripts/regen-fixtures.sh [case...]     (no argument: every case)
#
# Conventions (see fixtures/README.md; the Rust harness must follow the same ones):
# - The source is fixtures/<case>/site/, or the directory named (relative to the repo root)
#   in fixtures/<case>/source if that file exists (example_academic -> examples/academic).
# - The source is copied to a scratch directory and every file and directory in it gets the
#   mtime 2024-01-01 00:00:00 UTC, because Jekyll copies static files' mtimes and
#   jekyll-sitemap prints them.
# - Jekyll runs from inside the copied source directory with TZ=UTC and
#   JEKYLL_ENV=production, plus the extra flags in fixtures/<case>/flags (one per line;
#   paths in flags are relative to the source directory). A `--github-pages` line builds the
#   fixture as GitHub Pages would (see below and scripts/github-pages-config.rb).
# - expected/ is replaced by the output.
# - For sites with Sass pages, expected-dart-sass/ gets the same CSS files compiled by dart-sass
#   (scripts/dart-sass: Jekyll's Liquid pass in Ruby, then `sass` from npm, pinned in package.json),
#   because hyde's CSS follows dart-sass while Jekyll 4.3.1 on Debian uses libsass.
# - Theme fixtures (theme_*) carry their theme gem at Bundler's path inside the site
#   (vendor/bundle/ruby/<version>/{gems,specifications}, named by .bundle/config), where hyde
#   finds it with no environment. Jekyll runs without Bundler (JEKYLL_NO_BUNDLER_REQUIRE) and
#   with GEM_PATH naming those folders before the default ones, so RubyGems finds the same gem.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FIXTURES="$ROOT/fixtures"
MTIME='2024-01-01 00:00:00 UTC'

command -v jekyll >/dev/null || { echo "jekyll not found (apt-get install jekyll)" >&2; exit 1; }

if [ "$#" -eq 0 ]; then
  set --
  for dir in "$FIXTURES"/*/; do
    name="$(basename "$dir")"
    if [ -d "$dir/site" ] || [ -f "$dir/source" ]; then set -- "$@" "$name"; fi
  done
fi

dart_sass_ready() {
  local d="$ROOT/scripts/dart-sass"
  command -v node >/dev/null || return 1
  [ -d "$d/node_modules/sass" ] && return 0
  command -v npm >/dev/null || return 1
  (cd "$d" && npm install --no-audit --no-fund --silent) >&2
}

SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/hyde-regen.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT

status=0
for case in "$@"; do
  case="${case%/}"; case="${case#fixtures/}"
  dir="$FIXTURES/$case"
  if [ -f "$dir/source" ]; then
    src="$ROOT/$(head -n1 "$dir/source")"
  else
    src="$dir/site"
  fi
  [ -d "$src" ] || { echo "$case: no source at $src" >&2; status=1; continue; }

  work="$SCRATCH/$case"
  rm -rf "$work"; mkdir -p "$work"
  cp -a "$src" "$work/site"
  find "$work/site" -exec touch -h -d "$MTIME" {} +

  flags=()
  if [ -f "$dir/flags" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      [ -n "$line" ] && flags+=("$line")
    done < "$dir/flags"
  fi

  # GitHub Pages mode: hyde takes `--github-pages`; Jekyll gets, instead of the site's own
  # config files, the configuration pages-gem v232 would build with
  # (scripts/github-pages-config.rb; what it cannot reproduce is listed there).
  ghp=0; configs="_config.yml"; rest=()
  for ((i = 0; i < ${#flags[@]}; i++)); do
    case "${flags[$i]}" in
      --github-pages) ghp=1 ;;
      --config) i=$((i + 1)); configs="${flags[$i]}" ;;
      *) rest+=("${flags[$i]}") ;;
    esac
  done
  if [ "$ghp" = 1 ]; then
    IFS=',' read -r -a config_files <<< "$configs"
    (cd "$work/site" && JEKYLL_ENV=production \
      ruby "$ROOT/scripts/github-pages-config.rb" "$work/github-pages.yml" "${config_files[@]}") \
      || { echo "$case: github-pages config failed" >&2; status=1; continue; }
    flags=(--config "$work/github-pages.yml" "${rest[@]}")
  fi

  # Ruby stand-ins for gems Debian does not package (fixture `jemoji`: jemoji and gemoji),
  # found before the system's gems.
  rubylib="${RUBYLIB:-}"
  if [ -d "$dir/rubylib" ]; then rubylib="$dir/rubylib${rubylib:+:$rubylib}"; fi

  # Theme gems vendored at Bundler's path: put them on GEM_PATH (the trailing `:` keeps
  # RubyGems' default folders after them).
  gem_env=()
  for spec_dir in "$work/site"/vendor/bundle/ruby/*/specifications; do
    if [ -d "$spec_dir" ]; then
      gem_env=(GEM_PATH="$(dirname "$spec_dir"):${GEM_PATH:-}" JEKYLL_NO_BUNDLER_REQUIRE=true)
    fi
  done

  echo "== $case ${flags[*]:-}"
  if ! (cd "$work/site" && TZ=UTC JEKYLL_ENV=production RUBYLIB="$rubylib" \
        env "${gem_env[@]}" jekyll build --disable-disk-cache -s . -d "$work/out" "${flags[@]}") \
        > "$work/log" 2>&1; then
    grep -v "^\s*from /" "$work/log" | head -n 30 >&2
    echo "$case: jekyll failed" >&2
    status=1
    continue
  fi
  grep -Ei 'warn|error|deprecat' "$work/log" || true

  rm -rf "$dir/expected"
  cp -a "$work/out" "$dir/expected"

  # dart-sass reference CSS for the Sass pages, if any.
  rm -rf "$dir/expected-dart-sass"
  if find "$work/site" -path "$work/site/_*" -prune -o \( -name '*.scss' -o -name '*.sass' \) -print | grep -q .; then
    if dart_sass_ready; then
      rendered="$work/sass-rendered"
      (cd "$work/site" && TZ=UTC JEKYLL_ENV=production env "${gem_env[@]}" \
        ruby "$ROOT/scripts/dart-sass/render-liquid.rb" "$work/site" "$rendered") > "$work/sass-log" 2>&1 \
        && node "$ROOT/scripts/dart-sass/compile.js" "$rendered" "$dir/expected-dart-sass" >> "$work/sass-log" 2>&1 \
        || { echo "$case: dart-sass reference failed:" >&2; head -n 20 "$work/sass-log" >&2; status=1; }
    else
      echo "$case: node/npm missing, expected-dart-sass not regenerated" >&2
    fi
  fi
done
exit $status
