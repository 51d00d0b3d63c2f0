# Generates the Rouge corpus: for every samples/<name>.txt, each case is
# highlighted with Rouge 3.30 (Lexer.find_fancy(<name>) || PlainText, as
# Jekyll and kramdown look lexers up) and written to
#   expected/<name>/<NN>-<case>.in          the input, byte for byte
#   expected/<name>/<NN>-<case>.html        Rouge::Formatters::HTML
#   expected/<name>/<NN>-<case>.table.html  HTMLTable as Jekyll's linenos uses it
#                                           (first three cases of each file)
#
# Sample file format: a line "==== <case-name>" starts a case; its text runs
# to the next such line. A case whose name ends in "-nonl" loses its final
# newline, so inputs without a trailing newline are covered too.
#
# Run from the repository root: ruby crates/highlight/tests/corpus/generate.rb
require 'rouge'
require 'fileutils'
abort "need Rouge 3.30, have #{Rouge.version}" unless Rouge.version.start_with?('3.30')

dir = File.expand_path(__dir__)
FileUtils.rm_rf(File.join(dir, 'expected'))
Dir[File.join(dir, 'samples', '*.txt')].sort.each do |path|
  name = File.basename(path, '.txt')
  cases = []
  File.read(path, encoding: 'utf-8').each_line do |line|
    if line =~ /\A==== (\S+)\s*\z/
      cases << [$1, +'']
    elsif cases.any?
      cases.last[1] << line
    end
  end
  out = File.join(dir, 'expected', name)
  FileUtils.mkdir_p(out)
  cases.each_with_index do |(cname, text), i|
    text = text.chomp if cname.end_with?('-nonl')
    base = File.join(out, format('%02d-%s', i + 1, cname))
    lexer = Rouge::Lexer.find_fancy(name, text) || Rouge::Lexers::PlainText
    html = Rouge::Formatters::HTML.new.format(lexer.lex(text))
    File.write("#{base}.in", text)
    File.write("#{base}.html", html)
    next unless i < 3

    table = Rouge::Formatters::HTMLTable.new(
      Rouge::Formatters::HTML.new,
      css_class: 'highlight', gutter_class: 'gutter', code_class: 'code'
    )
    File.write("#{base}.table.html", table.format(lexer.lex(text)))
  end
end
