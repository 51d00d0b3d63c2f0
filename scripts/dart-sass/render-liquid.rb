# Prints, for each Sass page of a Jekyll site, the source after Jekyll's Liquid pass, so that
# dart-sass can compile exactly what Jekyll's Sass converter would see.
#
#   ruby render-liquid.rb SITE_DIR OUT_DIR
#
# Writes OUT_DIR/<page path> (e.g. assets/css/main.scss) and OUT_DIR/sass.json with the site's
# sass settings ({"sass_dir": ..., "load_paths": [...], "style": ...}). Run with JEKYLL_ENV and TZ set as for the build.
require "jekyll"
require "json"
require "fileutils"

site_dir, out_dir = ARGV
config = Jekyll.configuration("source" => site_dir, "destination" => File.join(out_dir, "_unused"), "quiet" => true)
site = Jekyll::Site.new(config)
site.reset
site.read
site.generate
payload = site.site_payload
site.pages.each do |page|
  next unless [".scss", ".sass"].include?(page.ext)
  renderer = Jekyll::Renderer.new(site, page, payload)
  payload["page"] = page.to_liquid
  info = { :registers => { :site => site, :page => payload["page"] }, :strict_filters => false, :strict_variables => false }
  source = renderer.render_liquid(page.content, payload, info, page.path)
  target = File.join(out_dir, page.relative_path)
  FileUtils.mkdir_p(File.dirname(target))
  File.write(target, source)
end
sass = site.config["sass"] || {}
# The load paths exactly as jekyll-sass-converter computes them (user load_paths globbed from
# the source, then sass_dir; folders only).
scss = site.find_converter_instance(Jekyll::Converters::Scss)
File.write(File.join(out_dir, "sass.json"), JSON.generate(
  "sass_dir" => File.expand_path(sass["sass_dir"] || "_sass", site_dir),
  "load_paths" => scss.send(:sass_load_paths),
  "style" => (sass["style"] || "expanded").to_s
))
