# Runs the benchmark workloads of benches/render.rs with Ruby Liquid 5.4
# (Jekyll's settings) and prints milliseconds per render.
#
#   ruby crates/liquid/benches/ruby_bench.rb [layout|compress|posts ...]
#
# Times CPU time of the process by default, as render.rs does on a shared
# machine; BENCH_CLOCK=wall for wall time.
require 'liquid'
require_relative 'workload/site'

DIR = File.join(__dir__, 'workload')

class BenchFS
  def read_template_file(name)
    File.read(File.join(DIR, '_includes', name))
  end
end

CLOCK = ENV['BENCH_CLOCK'] == 'wall' ? Process::CLOCK_MONOTONIC : Process::CLOCK_PROCESS_CPUTIME_ID

# Partials parsed once and shared by every render, as Jekyll's include cache does.
CACHED_PARTIALS = {}

def measure(name, template, assigns, seconds: 3.0)
  return unless ARGV.empty? || ARGV.include?(name)
  opts = { registers: { cached_partials: CACHED_PARTIALS } }
  out = template.render!(assigns, opts) # warm up
  # RUBY_BENCH_DUMP=dir writes each output, to compare with hyde's.
  File.write(File.join(ENV['RUBY_BENCH_DUMP'], "#{name}.html"), out) if ENV['RUBY_BENCH_DUMP']
  n = 0
  start = Process.clock_gettime(CLOCK)
  elapsed = 0.0
  while elapsed < seconds
    template.render!(assigns, opts)
    n += 1
    elapsed = Process.clock_gettime(CLOCK) - start
  end
  printf("%-10s %10.3f ms/render (%d renders)\n", name, elapsed * 1000 / n, n)
end

Liquid::Template.file_system = BenchFS.new
site = bench_site
page = bench_page
content = bench_content
parse = ->(f) { Liquid::Template.parse(File.read(File.join(DIR, f)), error_mode: :warn) }

measure('layout', parse.call('layout.liquid'), { 'site' => site, 'page' => page, 'content' => '<p>Body</p>' })
measure('compress', parse.call('compress.liquid'), { 'content' => content })
measure('posts', parse.call('posts.liquid'), { 'site' => site })
