# Writes the configuration GitHub Pages (pages-gem v232) would build a site with, for
# scripts/regen-fixtures.sh: fixtures whose `flags` contain `--github-pages` are built by
# Debian's Jekyll 4.3.1 with `--config <this file's output>` instead of the site's own
# config files.
#
# Usage: ruby github-pages-config.rb OUT.yml CONFIG_FILE...   (run from the site source)
#
# What pages-gem does (lib/github-pages/configuration.rb, `effective_config`, run from a
# `:site, :after_reset` hook on the config Jekyll already loaded, i.e. Jekyll's DEFAULTS
# with the user's files over them):
#   1. its DEFAULTS (PRODUCTION_DEFAULTS unless JEKYLL_ENV is development) *under* that
#      config, so they only fill keys Jekyll's own DEFAULTS do not have: `future`,
#      `plugins`, `markdown` and the common kramdown keys stay Jekyll's (pages-gem's own
#      spec: `effective_config["future"]` is false); `jailed`, `theme`,
#      `kramdown.gfm_quirks`, `kramdown.syntax_highlighter_opts.default_lang` and
#      `sass.style` (production) come through;
#   2. `theme` is the user's value whenever the user's config has the key (even null);
#   3. `exclude` gets `CNAME` appended when it still equals Jekyll 3.10's default list;
#   4. its OVERRIDES over everything (safe, lsi, plugins_dir, whitelist, highlighter,
#      kramdown template/math_engine/syntax_highlighter, gist.noscript);
#   5. `markdown` restricted to kramdown / GFM (-> CommonMarkGhPages) / commonmarkghpages;
#   6. `plugins` = the user's list | DEFAULT_PLUGINS (+ jekyll-remote-theme with
#      `remote_theme`).
#
# What cannot be reproduced with Debian's packages, and is therefore changed here (each
# point is in docs/github-pages.md, "Golden fixtures in GitHub Pages mode"):
#   - `theme: jekyll-theme-primer` (the default when the site names no theme) is not
#     packaged: it is dropped, so the fixtures carry their own layouts;
#   - jekyll-coffeescript and jekyll-commonmark-ghpages are not packaged: they are left out
#     of `plugins` (they only convert `.coffee` files and `markdown: GFM` sites, which the
#     fixtures do not have);
#   - Jekyll 4.3 adds its own default excludes to whatever `exclude` says.
require "jekyll"
require "yaml"

out, *files = ARGV
abort "usage: github-pages-config.rb OUT.yml CONFIG..." if out.nil? || files.empty?

deep = ->(a, b) { Jekyll::Utils.deep_merge_hashes(a, b) }

# Jekyll 3.10's default exclude list (lib/jekyll/configuration.rb, v3.10.0).
J3_EXCLUDE = %w(Gemfile Gemfile.lock node_modules vendor/bundle/ vendor/cache/ vendor/gems/
                vendor/ruby/).freeze
DEFAULT_PLUGINS = %w(jekyll-coffeescript jekyll-commonmark-ghpages jekyll-gist
                     jekyll-github-metadata jekyll-paginate jekyll-relative-links
                     jekyll-optional-front-matter jekyll-readme-index jekyll-default-layout
                     jekyll-titles-from-headings).freeze
WHITELIST = %w(jekyll-coffeescript jekyll-commonmark-ghpages jekyll-feed jekyll-gist
               jekyll-github-metadata jekyll-paginate jekyll-redirect-from jekyll-seo-tag
               jekyll-sitemap jekyll-avatar jemoji jekyll-mentions jekyll-relative-links
               jekyll-optional-front-matter jekyll-readme-index jekyll-default-layout
               jekyll-titles-from-headings jekyll-include-cache jekyll-octicons
               jekyll-remote-theme).freeze
NOT_PACKAGED = %w(jekyll-coffeescript jekyll-commonmark-ghpages jekyll-theme-primer).freeze

pages_defaults = {
  "jailed"   => false,
  "plugins"  => DEFAULT_PLUGINS,
  "future"   => true,
  "theme"    => "jekyll-theme-primer",
  "markdown" => "kramdown",
  "kramdown" => {
    "input"                   => "GFM",
    "hard_wrap"               => false,
    "gfm_quirks"              => "paragraph_end",
    "syntax_highlighter_opts" => { "default_lang" => "plaintext" },
  },
  "exclude"  => ["CNAME"],
}
if ENV["JEKYLL_ENV"] != "development"
  pages_defaults = deep.call(pages_defaults, "sass" => { "style" => "compressed" })
end
overrides = {
  "lsi"         => false,
  "safe"        => true,
  "plugins_dir" => "github-pages-never-loads-plugins-dir",
  "whitelist"   => WHITELIST,
  "highlighter" => "rouge",
  "kramdown"    => { "template" => "", "math_engine" => "mathjax", "syntax_highlighter" => "rouge" },
  "gist"        => { "noscript" => false },
}

user = files.reduce({}) do |acc, f|
  data = Jekyll::Configuration.new.safe_load_file(f)
  deep.call(acc, data || {})
end

# What Jekyll 3.10 has loaded before the hook: its DEFAULTS (only the keys pages-gem's
# DEFAULTS also set matter here) with the user's config over them.
j3_defaults = {
  "future"   => false,
  "plugins"  => [],
  "markdown" => "kramdown",
  "exclude"  => J3_EXCLUDE,
  "kramdown" => {
    "auto_ids" => true, "toc_levels" => "1..6", "entity_output" => "as_char",
    "smart_quotes" => "lsquo,rsquo,ldquo,rdquo", "input" => "GFM", "hard_wrap" => false,
    "guess_lang" => true, "footnote_nr" => 1, "show_warnings" => false
  },
}
loaded = deep.call(j3_defaults, user)

config = deep.call(pages_defaults, loaded)
config["theme"] = user["theme"] if user.key?("theme")
config["exclude"] = config["exclude"] + ["CNAME"] if config["exclude"] == J3_EXCLUDE
config = deep.call(config, overrides)
unless %w(kramdown gfm commonmarkghpages).include?(config["markdown"].to_s.downcase)
  config["markdown"] = "kramdown"
end
abort "markdown: GFM (CommonMarkGhPages) is not packaged" if config["markdown"].to_s.casecmp("gfm").zero?
config["plugins"] = Array(config["plugins"]) | DEFAULT_PLUGINS
config["plugins"].push("jekyll-remote-theme") if config.key?("remote_theme")

# Not packaged in Debian (see above).
config.delete("theme") if NOT_PACKAGED.include?(config["theme"])
config["plugins"] -= NOT_PACKAGED

File.write(out, config.to_yaml)
