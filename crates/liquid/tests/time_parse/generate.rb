# Prints what Jekyll makes of each front-matter date string: `Time.parse(input).localtime`
# (Jekyll's Utils.parse_date), in several site time zones, with a fixed "now" so that strings
# lacking a year or a date are reproducible.
#
# Usage (from this directory): ruby generate.rb < inputs.txt > expected.tsv
# (crates/liquid/tests/time_parse; the engine's `time_parse` is checked against it.)
# Each input line is one string (a line "<empty>" stands for the empty string).
# Output: input, zone, then "%Y-%m-%d %H:%M:%S.%N %z" or "error".
require "time"

ZONES = ["UTC", "America/New_York", "Asia/Kolkata", "Europe/Berlin"].freeze
NOW = Time.utc(2024, 6, 1, 12, 34, 56)

inputs = $stdin.read.split("\n").reject { |l| l.start_with?("#") }
ZONES.each do |zone|
  ENV["TZ"] = zone
  inputs.each do |line|
    input = line == "<empty>" ? "" : line
    out = begin
      Time.parse(input, NOW).localtime.strftime("%Y-%m-%d %H:%M:%S.%N %z")
    rescue ArgumentError, RangeError
      "error"
    end
    puts [line, zone, out].join("\t")
  end
end
