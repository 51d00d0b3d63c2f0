# Times Ruby kramdown (through Jekyll's converter, Jekyll's options) on the
# benchmark document that benches/convert.rs builds: the realistic pages of
# the corpus, in name order, repeated until the text reaches 1 MB.
#
#   ruby crates/markdown/benches/kramdown_speed.rb
require 'jekyll'

pages = Dir[File.join(__dir__, '..', 'tests', 'corpus', 'cases', 'pages', '*.md')].sort
       .reject { |p| File.exist?(p.sub(/\.md\z/, '.opts')) }
unit = pages.map { |p| File.read(p) }.join("\n")
doc = +''
doc << unit << "\n" while doc.bytesize < 1_000_000
config = Jekyll::Configuration.from({})
conv = Jekyll::Converters::Markdown::KramdownParser.new(config)
conv.convert(doc) # warm up
runs = (ARGV[0] || 3).to_i
# CPU time as well as wall time: the build machine is shared, and wall time
# then measures the neighbours more than kramdown.
cpu = -> { Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID) }
samples = Array.new(runs) do
  w0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
  c0 = cpu.call
  conv.convert(doc)
  [Process.clock_gettime(Process::CLOCK_MONOTONIC) - w0, cpu.call - c0]
end
wall = samples.map(&:first).min
cpu_best = samples.map(&:last).min
printf("kramdown: %d bytes, best of %d: wall %.3f s, cpu %.3f s (%.2f MB/s cpu)\n",
       doc.bytesize, runs, wall, cpu_best, doc.bytesize / cpu_best / 1e6)
