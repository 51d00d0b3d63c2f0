# frozen_string_literal: true
#
# Renders every case in cases.txt through a real Jekyll 4.3 site (site/) and
# writes what Jekyll produced to expected.json; also writes site.json, the
# facts about site/ that the Rust replay's stand-in site needs (post and file
# URLs), and uri.json, text.json, json.json, dates.json and arrays.json: the
# URL, text, jsonify/inspect, date and array filters over generated inputs.
# Run from anywhere: `ruby crates/site/tests/jekyll_filters/generate.rb`.
#
# Each case renders with Jekyll's settings (error_mode warn, render!) and the
# registers Jekyll passes: the site, and the page docs/about.md. The folder
# site/_theme_includes stands for a theme's _includes. The date
# cases are also rendered in a second time zone (keys "name@+05").

require "jekyll"
require "json"
require "tmpdir"

ENV["TZ"] = "UTC"
here = __dir__

def load_cases(path)
  cases = []
  File.read(path).split(/^--- /).drop(1).each do |chunk|
    name, body = chunk.split("\n", 2)
    cases << [name.strip, body.to_s.chomp]
  end
  cases
end

def revive(value)
  case value
  when Hash
    if value.key?("$time")
      Time.iso8601(value["$time"])
    elsif value.key?("$date")
      Date.parse(value["$date"])
    else
      value.transform_values { |v| revive(v) }
    end
  when Array then value.map { |v| revive(v) }
  else value
  end
end

raw_data = JSON.parse(File.read(File.join(here, "data.json")))
# Revived again after each time-zone change: a Time parsed while its offset
# matches the local zone keeps that zone, as in a site read under `timezone`.
data = revive(raw_data)
results = {}
site_facts = {}

Dir.mktmpdir do |dest|
  config = Jekyll.configuration(
    "source"             => File.join(here, "site"),
    "destination"        => dest,
    "quiet"              => true,
    "disable_disk_cache" => true
  )
  site = Jekyll::Site.new(config)
  site.reset
  site.read
  site.generate
  page = site.pages.find { |p| p.relative_path == "docs/about.md" }
  # What a theme gem does: its _includes come after the site's.
  site.includes_load_paths << File.join(here, "site", "_theme_includes")

  site_facts["files"] = []
  site.each_site_file do |item|
    site_facts["files"] << { "relative_path" => item.relative_path, "url" => item.url }
  end
  site_facts["posts"] = site.posts.docs.map do |doc|
    {
      "relative_path" => doc.relative_path,
      "url"           => doc.url,
      "slug"          => doc.data["slug"],
      "date"          => doc.date.strftime("%Y-%m-%d"),
    }
  end

  # The renderer caches parsed templates by file name: give each its own.
  render_case = lambda do |name, source|
    payload = site.site_payload
    payload["page"] = page.to_liquid
    data.each { |k, v| payload[k] = v }
    info = {
      :registers        => { :site => site, :page => payload["page"] },
      :strict_filters   => false,
      :strict_variables => false,
    }
    begin
      template = site.liquid_renderer.file("case/#{name}").parse(source)
      { "output" => template.render!(payload, info) }
    rescue StandardError, ScriptError => e
      { "error" => "#{e.class}: #{e.message}".gsub(File.join(here, "site"), "SITE") }
    end
  end


  # URL filters over generated strings: pieces that exercise percent-encoding,
  # dot segments, schemes, queries and fragments, combined at random (fixed seed).
  pieces = ["a", "B", "/", "//", "./", "../", ".", "..", "?", "#", "&", "=", "%",
            "%2F", "%41", "%zz", "%e2%82%ac", " ", "é", "ü", "日本", "~", ":", "@",
            "+", ";", ",", "[", "]", "index.html", "http:", "HTTPS://Ex.COM",
            "mailto:", "\u00a0", "\t", "'", "\"", "<", ">", "{", "|", "\\", "^",
            "x.y", "\uFB01", "e\u0301", "-_"]
  rng = Random.new(20_240_105)
  filters = Object.new.extend(Jekyll::Filters)
  filters.instance_variable_set(:@context, Liquid::Context.new({}, {}, { :site => site }))
  uri_results = []
  500.times do
    input = Array.new(rng.rand(1..6)) { pieces[rng.rand(pieces.size)] }.join
    row = { "input" => input }
    %w(relative_url absolute_url uri_escape cgi_escape).each do |name|
      begin
        row[name] = filters.public_send(name, input)
      rescue StandardError => e
        row[name] = { "error" => e.class.name }
      end
    end
    uri_results << row
  end
  File.write(File.join(here, "uri.json"), JSON.pretty_generate(uri_results) + "\n")


  # Text filters over generated strings (fixed seed): letters from several
  # scripts, marks, digits of other systems, punctuation and every kind of space.
  text_pieces = ["a", "Z", "9", "٣", "½", "²", "_", "-", "--", ".", "..", "~", "!", "$", "&",
                 "'", "(", ")", "+", ",", ";", "=", "@", "*", "/", "?", "#", "%", "\"", "<",
                 ">", " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u00a0", "\u3000", "\u2003",
                 "é", "É", "e\u0301", "Æ", "ß", "ĳ", "Ł", "Œ", "ſ", "÷", "×", "Þ", "ð", "İ",
                 "Σ", "ς", "Привет", "日本", "カタカナ", "ひらがな", "한국", "中文字", "🎉",
                 "\u200b", "\u0000", "x.y", "Title Case", "ÀÉÎÕÜ", "ǅ", "ﬁ", "Ⅻ"]
  text_rng = Random.new(19_700_101)
  text_results = []
  300.times do
    input = Array.new(text_rng.rand(1..7)) { text_pieces[text_rng.rand(text_pieces.size)] }.join
    row = { "input" => input }
    %w(raw default pretty ascii latin none).each do |mode|
      row["slugify_#{mode}"] = Jekyll::Utils.slugify(input, :mode => mode)
    end
    row["slugify_cased"] = Jekyll::Utils.slugify(input, :mode => "pretty", :cased => true)
    row["number_of_words"] = filters.number_of_words(input)
    row["number_of_words_cjk"] = filters.number_of_words(input, "cjk")
    row["number_of_words_auto"] = filters.number_of_words(input, "auto")
    row["normalize_whitespace"] = filters.normalize_whitespace(input)
    row["xml_escape"] = filters.xml_escape(input)
    text_results << row
  end
  File.write(File.join(here, "text.json"), JSON.pretty_generate(text_results) + "\n")


  # jsonify and inspect over generated values (fixed seed): floats across
  # magnitudes, big and negative integers, strings with escapes, nesting.
  json_rng = Random.new(31_415)
  floats = [0.0, -0.0, 1.0, 0.1, 0.5, 2.5, 100.0, 1e15, 1e16, 1.5e16, 123456789.125, 1e-4,
            1e-5, 0.00012, 1e20, 1e100, -3.75, 1.0 / 3, 2.0 / 3, 9007199254740993.0, 5e-324]
  strings = ["", "a", "\"q\"", "back\\slash", "tab\there", "nl\n", "\u0001\u001f", "\u007f",
             "é", "日本", "🎉", "</script>", "a/b", "\u2028", "#{}", "\#{x}", "\e", "&<>'"]
  gen = lambda do |depth|
    case json_rng.rand(depth >= 3 ? 5 : 7)
    when 0 then floats[json_rng.rand(floats.size)] * (json_rng.rand(2).zero? ? 1 : -1)
    when 1 then [0, 1, -1, 42, 2**40, -(2**53), 2**62][json_rng.rand(7)]
    when 2 then strings[json_rng.rand(strings.size)]
    when 3 then [nil, true, false][json_rng.rand(3)]
    when 4 then strings[json_rng.rand(strings.size)] + strings[json_rng.rand(strings.size)]
    when 5 then Array.new(json_rng.rand(0..3)) { gen.call(depth + 1) }
    else
      Array.new(json_rng.rand(0..3)).each_with_object({}) do |_, h|
        h[strings[json_rng.rand(strings.size)]] = gen.call(depth + 1)
      end
    end
  end
  json_results = Array.new(300) do
    value = gen.call(0)
    { "value" => value, "jsonify" => filters.jsonify(value), "inspect" => filters.inspect(value) }
  end
  File.write(File.join(here, "json.json"), JSON.pretty_generate(json_results) + "\n")


  # Date filters over generated times and dates (fixed seed), shown in three
  # site time zones; the time zone is set before the values are made, as
  # Jekyll sets it before reading the site.
  date_rng = Random.new(8_675_309)
  date_inputs = Array.new(150) do
    if date_rng.rand(4).zero?
      { "$date" => Time.at(date_rng.rand(0..2_200_000_000)).utc.strftime("%Y-%m-%d") }
    else
      offset = [-12, -9.5, -5, -3, 0, 1, 2, 5.5, 9, 14][date_rng.rand(10)]
      utc = Time.at(date_rng.rand(0..2_200_000_000)).utc
      { "$time" => (utc + (offset * 3600)).strftime("%Y-%m-%dT%H:%M:%S") +
                   format("%s%02d:%02d", offset.negative? ? "-" : "+", offset.abs.floor, (offset.abs % 1 * 60).round) }
    end
  end
  date_results = { "inputs" => date_inputs }
  %w(UTC America/New_York Asia/Kolkata).each do |zone|
    ENV["TZ"] = zone
    date_results[zone] = date_inputs.map do |raw|
      value = revive(raw)
      {
        "xmlschema" => filters.date_to_xmlschema(value),
        "rfc822"    => filters.date_to_rfc822(value),
        "string"    => filters.date_to_string(value),
        "ordinal"   => filters.date_to_string(value, "ordinal"),
        "long_us"   => filters.date_to_long_string(value, "ordinal", "US"),
      }
    end
  end
  ENV["TZ"] = "UTC"
  File.write(File.join(here, "dates.json"), JSON.pretty_generate(date_results) + "\n")


  # Jekyll's sort, where, find and group_by over generated arrays of hashes
  # (fixed seed) whose property mixes nil, numbers, numeric strings, strings,
  # booleans and arrays; items carry an "id" so the results record order.
  array_rng = Random.new(4_242)
  prop_values = [nil, 0, 1, -1, 2, 10, 2.5, -0.5, "1", "2", "10", " 3 ", "2.5", ".5", "-1",
                 "a", "B", "b", "", "x y", true, false, ["a", "b"], ["1"], [], "é"]
  array_results = Array.new(200) do
    items = Array.new(array_rng.rand(0..6)) do |id|
      item = { "id" => id }
      item["k"] = prop_values[array_rng.rand(prop_values.size)] unless array_rng.rand(5).zero?
      item["m"] = { "k" => prop_values[array_rng.rand(prop_values.size)] } if array_rng.rand(2).zero?
      item
    end
    target = prop_values[array_rng.rand(prop_values.size)]
    target = "x" if target.is_a?(Array)
    ids = ->(list) { list.is_a?(Array) ? list.map { |i| i["id"] } : list }
    safely = lambda do |&block|
      block.call
    rescue StandardError => e
      { "error" => e.message }
    end
    {
      "items"      => items,
      "target"     => target,
      "sort_first" => safely.call { ids.call(filters.sort(items, "k")) },
      "sort_last"  => safely.call { ids.call(filters.sort(items, "k", "last")) },
      "sort_deep"  => safely.call { ids.call(filters.sort(items, "m.k")) },
      "where"      => safely.call { ids.call(filters.where(items, "k", target)) },
      "where_deep" => safely.call { ids.call(filters.where(items, "m.k", target)) },
      "find"       => safely.call { (f = filters.find(items, "k", target)) && f["id"] },
      "group_by"   => safely.call do
        filters.group_by(items, "k").map { |g| [g["name"], g["items"].map { |i| i["id"] }] }
      end,
    }
  end
  File.write(File.join(here, "arrays.json"), JSON.pretty_generate(array_results) + "\n")

  cases = load_cases(File.join(here, "cases.txt"))
  cases.each { |name, source| results[name] = render_case.call(name, source) }

  # The date filters again in a zone five hours east of UTC (as the site's
  # `timezone: Etc/GMT-5` would set it), recorded as "name@+05".
  ENV["TZ"] = "Etc/GMT-5"
  data = revive(raw_data)
  cases.each do |name, source|
    results["#{name}@+05"] = render_case.call("#{name}@+05", source) if name.start_with?("date_")
  end
  ENV["TZ"] = "UTC"
end

File.write(File.join(here, "expected.json"), JSON.pretty_generate(results) + "\n")
File.write(File.join(here, "site.json"), JSON.pretty_generate(site_facts) + "\n")
puts "#{results.size} cases, #{results.count { |_, r| r.key?("error") }} errors"
