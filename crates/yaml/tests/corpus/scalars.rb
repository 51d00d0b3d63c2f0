#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Writes tests/corpus/cases/scalars_random.yamls: seeded random plain
# scalars built from the characters Psych's typing rules care about (digits,
# signs, `.`, `_`, `,`, `:`, exponents, base prefixes, date and time shapes,
# boolean and null words), one document `v: <scalar>` each, so the corpus
# checks the scalar typing well beyond the hand-written cases.
# Run generate.rb afterwards to record Jekyll's results.

DIR = __dir__
PIECES = %w[0 1 2 7 8 9 00 12 123 . _ , : - + e E e+ e- x 0x 0b 0o inf .inf nan .nan
            yes no on off true false null Null ~ y n a Z T t 2024 01 12 31 -01 -05
            10:00 :00 .5 1_000 1,000 2024-01-05].freeze
SHAPES = [
  -> (r) { Array.new(1 + r.rand(4)) { PIECES[r.rand(PIECES.size)] }.join },
  -> (r) { format("%04d-%d-%02d", r.rand(3000), r.rand(14), r.rand(33)) },
  -> (r) { format("%04d-%02d-%02d%s%02d:%02d:%02d%s%s", 1950 + r.rand(200), 1 + r.rand(12), 1 + r.rand(28),
                  [" ", "T", "t", "  "][r.rand(4)], r.rand(26), r.rand(61), r.rand(62),
                  ["", ".5", ".123456", "."][r.rand(4)], ["", "Z", " Z", "+01:00", " -05:30", "+0530", " +1", "-00:30", " +14"][r.rand(9)]) },
  -> (r) { (r.rand(2).zero? ? "" : %w[- +][r.rand(2)]) + Array.new(1 + r.rand(25)) { r.rand(10).to_s }.join + (r.rand(3).zero? ? ".#{r.rand(1000)}" : "") },
  -> (r) { [%w[0x 0b 0 0o][r.rand(4)], Array.new(1 + r.rand(6)) { "0123456789abcdefABCDEF_,"[r.rand(24)] }.join].join },
  -> (r) { "#{r.rand(100)}:#{r.rand(70)}" + (r.rand(2).zero? ? ":#{r.rand(70)}" : "") + (r.rand(3).zero? ? ".#{r.rand(100)}" : "") },
].freeze

rng = Random.new(424_242)
seen = {}
out = +""
2000.times do
  s = SHAPES[rng.rand(SHAPES.size)].call(rng).strip
  next if s.empty? || seen[s] || s.start_with?("-", "?", ":", "!", "&", "*", "#", "%", "@", "`", ",", "[", "{", "|", ">") && s.length == 1

  seen[s] = true
  out << "=== scalar #{s.inspect}\nv: #{s}\n"
end
File.write(File.join(DIR, "cases", "scalars_random.yamls"), out)
