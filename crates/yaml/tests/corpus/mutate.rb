#!/usr/bin/env ruby
# frozen_string_literal: true
#
# Writes tests/corpus/cases/mutations*.yamls: seeded random one-edit mutants
# of the realistic Jekyll documents in cases/jekyll.yamls and of every other
# case (a deleted or inserted
# character, a line indented, dedented or duplicated), so the corpus checks
# that broken real-world YAML fails, or survives, exactly as in Jekyll.
# Run generate.rb afterwards to record Jekyll's results.

DIR = __dir__
INSERTS = [":", " ", "-", "\"", "'", "\t", "#", "[", "{", "]", "}", "&a ", "*a", "|", ">", "\n", "  ", "? ", "!", "%", "@", ",", "\\"].freeze

def parse_cases(text)
  cases = []
  text.each_line do |line|
    if line.start_with?("=== ")
      cases << [line.sub("=== ", "").chomp, +""]
    elsif cases.any?
      cases.last[1] << line
    end
  end
  cases
end

def mutate(src, rng)
  lines = src.lines
  case rng.rand(6)
  when 0
    i = rng.rand(src.length)
    ["delete #{i}", src[0...i] + src[(i + 1)..]]
  when 1, 2
    i = rng.rand(src.length + 1)
    ins = INSERTS[rng.rand(INSERTS.size)]
    ["insert #{ins.inspect} at #{i}", src[0...i] + ins + src[i..].to_s]
  when 3
    l = rng.rand(lines.size)
    lines[l] = " " + lines[l]
    ["indent line #{l + 1}", lines.join]
  when 4
    l = rng.rand(lines.size)
    lines[l] = lines[l].sub(/\A /, "")
    ["dedent line #{l + 1}", lines.join]
  else
    l = rng.rand(lines.size)
    lines.insert(l, lines[l])
    ["duplicate line #{l + 1}", lines.join]
  end
end

def write_mutants(file, sources, per_case, rng)
  out = +""
  count = 0
  sources.each do |name, src|
    next if src.empty?

    per_case.times do
      desc, mutant = mutate(src, rng)
      next if mutant.lines.any? { |l| l.start_with?("=== ", "\\=== ") }

      mutant += "\n" unless mutant.end_with?("\n")
      out << "=== mutant #{count += 1} #{name}: #{desc}\n" << mutant
    end
  end
  File.write(File.join(DIR, "cases", file), out)
end

# Ten mutants of each realistic Jekyll document.
write_mutants("mutations.yamls", parse_cases(File.read(File.join(DIR, "cases", "jekyll.yamls"))), 10, Random.new(20_240_105))

# One mutant of every other hand-written case.
# The hand-written files the mutants derive from (a fixed list, so adding a
# case file does not renumber the committed mutants).
BASES = %w[anchors booleans dates_times errors floats integers keys nulls strings structure tags].freeze
others = BASES.map { |b| File.join(DIR, "cases", "#{b}.yamls") }
write_mutants("mutations_all.yamls", others.flat_map { |f| parse_cases(File.read(f)) }, 1, Random.new(7))

# Stress set: three two-edit mutants of every hand-written case. Broken YAML
# far from real files; the Rust test only requires a high match rate here.
def mutate_twice(src, rng)
  d1, m1 = mutate(src, rng)
  d2, m2 = mutate(m1, rng)
  ["#{d1}; #{d2}", m2]
end
stress = +""
count = 0
srng = Random.new(99)
others.flat_map { |f| parse_cases(File.read(f)) }.each do |name, src|
  next if src.empty?

  3.times do
    desc, mutant = mutate_twice(src, srng)
    next if mutant.lines.any? { |l| l.start_with?("=== ", "\\=== ") }

    mutant += "\n" unless mutant.end_with?("\n")
    stress << "=== mutant2 #{count += 1} #{name}: #{desc}\n" << mutant
  end
end
File.write(File.join(DIR, "cases", "stress_mutations.yamls"), stress)
