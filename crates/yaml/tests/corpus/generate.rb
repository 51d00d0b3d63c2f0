#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Regenerates tests/corpus/expected/*.jsonl from tests/corpus/cases/*.yamls by
# loading every case exactly as Jekyll 4.3 does: Jekyll::Utils.safe_load_yaml,
# i.e. Psych.safe_load(src, permitted_classes: [Date, Time], aliases: true),
# which Jekyll uses for _config.yml, front matter and _data files alike.
#
# Case files hold many documents; a line "=== name" starts each one and
# "\=== " at the start of a line escapes a literal "=== ".
# Times without an offset are shown in local time: TZ is fixed to
# Asia/Kolkata (+05:30) here and in the Rust test.
#
# Usage: ruby crates/yaml/tests/corpus/generate.rb

ENV["TZ"] = "Asia/Kolkata"
require "jekyll"
require "json"
require "tomlrb"

DIR = __dir__

def dump(value, depth = 0)
  raise SystemStackError, "too deep" if depth > 1000

  case value
  when nil then { "t" => "null" }
  when true, false then { "t" => "bool", "v" => value }
  when Integer then { "t" => "int", "v" => value.to_s }
  when Float then { "t" => "float", "v" => value.to_s }
  when String
    s = value.dup.force_encoding("UTF-8")
    s = s.scrub("\uFFFD") unless s.valid_encoding?
    { "t" => "str", "v" => s }
  when Time
    { "t" => "time", "v" => value.strftime("%Y-%m-%d %H:%M:%S.%N %z"), "utc" => value.utc? }
  when Date then { "t" => "date", "v" => value.to_s }
  when Hash then { "t" => "map", "v" => value.map { |k, v| [dump(k, depth + 1), dump(v, depth + 1)] } }
  when Array then { "t" => "seq", "v" => value.map { |v| dump(v, depth + 1) } }
  else { "t" => "other", "v" => value.inspect }
  end
end

def parse_cases(text)
  cases = []
  text.each_line do |line|
    if line.start_with?("=== ")
      cases << [line.sub("=== ", "").chomp, +""]
    elsif cases.any?
      cases.last[1] << (line.start_with?("\\=== ") ? line[1..] : line)
    end
  end
  cases
end

def run(src)
  { "value" => dump(Jekyll::Utils.safe_load_yaml(src)) }
rescue Psych::SyntaxError => e
  { "error" => { "class" => e.class.name, "message" => e.message } }
rescue StandardError, SystemStackError => e
  { "error" => { "class" => e.class.name, "message" => e.message } }
end

# TOML config files go through Tomlrb.parse (Jekyll's Tomlrb.load_file);
# only success versus failure is compared for errors.
def run_toml(src)
  { "value" => dump(Tomlrb.parse(src)) }
rescue StandardError
  { "error" => { "class" => "Tomlrb::ParseError", "message" => "" } }
end

total = 0
Dir[File.join(DIR, "cases", "*.{yamls,tomls}")].sort.each do |path|
  cases = parse_cases(File.read(path, encoding: "UTF-8"))
  runner = path.end_with?(".tomls") ? method(:run_toml) : method(:run)
  out = cases.map { |name, src| JSON.generate({ "name" => name }.merge(runner.call(src)), max_nesting: false) }
  File.write(File.join(DIR, "expected", File.basename(path).sub(/\.(yamls|tomls)$/, "") + ".jsonl"), out.join("\n") + "\n")
  total += cases.size
end
puts "#{total} cases"
