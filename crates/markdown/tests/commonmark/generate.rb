# Generates the CommonMark differential corpus: Markdown documents converted
# by jekyll-commonmark 1.4.0 (commonmarker 0.23.6, cmark-gfm, Rouge 3.30), the
# converter Jekyll 4.3 uses for a site with `markdown: CommonMark`.
#
#   ruby crates/markdown/tests/commonmark/generate.rb
#
# Inputs: the snippets below (written for this corpus) and the GFM snippet
# and page inputs and random documents of the kramdown corpus
# (../corpus/cases/gfm_*/, pages/ and random/),
# copied to inputs/<name>.md. Outputs: cases/<set>/<name>.html for each
# option set in sets.txt ("<set> options=A,B extensions=c,d", as a site's
# `commonmark: {options: [...], extensions: [...]}`). The default, gfm and
# footnotes sets cover every input; the others the snippets and pages.
require 'jekyll'
require 'commonmarker'
require 'jekyll-commonmark'
require 'fileutils'

abort "need commonmarker 0.23.6" unless CommonMarker::VERSION == '0.23.6'

DIR = __dir__
FileUtils.rm_rf(File.join(DIR, 'inputs'))
FileUtils.rm_rf(File.join(DIR, 'cases'))
FileUtils.mkdir_p(File.join(DIR, 'inputs'))

def convert(src, options, extensions)
  cm = {}
  cm['options'] = options unless options.empty?
  cm['extensions'] = extensions unless extensions.empty?
  config = Jekyll::Configuration.from('markdown' => 'CommonMark', 'commonmark' => cm)
  Jekyll::Converters::Markdown::CommonMark.new(config).convert(src)
end

INPUTS = {}
def input(name, src)
  INPUTS[name] = src
end

SNIPPETS = [
  "Hello *world* and **strong** and ***both***.\n",
  "Line one\nline two\n\nSecond paragraph.\n",
  "Hard break with spaces  \nand backslash\\\nhere.\n",
  "# ATX one\n## ATX two ##\n###### Six\n####### Seven\n",
  "Setext\n======\n\nSub\n---\n",
  "* one\n* two\n* three\n",
  "1. first\n2. second\n\n3. loose third\n",
  "7. starts at seven\n8. next\n",
  "- a\n  - nested\n    - deeper\n- b\n",
  "- loose\n\n- items\n",
  "> quote\n> > nested quote\n>\n> - list in quote\n",
  "---\n***\n___\n",
  "`code` and `` code with ` tick ``\n",
  "    indented code\n    block\n",
  "```\nplain fence\n```\n",
  "```ruby\ndef hi\n  puts \"hi\"\nend\n```\n",
  "```python title=\"x.py\" extra words\nprint('hi')\n```\n",
  "~~~js\nconst a = 1 < 2 && 3 > 2;\n~~~\n",
  "```nosuchlang\nsome <text>\n```\n",
  "```\n#!/bin/bash\necho guessed\n```\n",
  "```\n<!DOCTYPE html>\n<html><body>x</body></html>\n```\n",
  "```yaml\ntitle: \"Site\"\nlist:\n  - a\n```\n",
  "[link](http://example.com \"Title\") and [ref][r] and <http://auto.link>\n\n[r]: /relative/path 'Ref title'\n",
  "![alt *text*](/img/a.png \"Img title\") and ![](empty.png)\n",
  "Email <me@example.com> and www.example.com and https://example.com/path?q=1.\n",
  "Visit http://example.com/a_b_(c) today, or ftp://files.example.com.\n",
  "Contact foo.bar@example.co.uk or see www.commonmark.org/help.\n",
  "<div class=\"note\">\n*raw* block\n</div>\n\nAfter <span class=\"x\">inline</span> html.\n",
  "<!-- a comment -->\n\nText <!-- inline comment --> here.\n",
  "<script>alert(1)</script>\n\n<title>t</title> <textarea>x</textarea> <style>p{}</style>\n",
  "<iframe src=\"x\"></iframe> <xmp>y</xmp> <noembed>z</noembed> <plaintext>w\n",
  "| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 | 4 |\n",
  "| left | center | right | none |\n|:-----|:------:|------:|------|\n| l | c | r | n |\n",
  "Name | Value\n--- | ---\n`x \\| y` | *em*\n",
  "- [ ] open task\n- [x] done task\n- not a task\n",
  "1. [x] ordered done\n2. [ ] ordered open\n",
  "~~double strike~~ and ~single strike~ and ~~~triple~~~\n",
  "Footnote ref[^1] and another[^note].\n\n[^1]: The first note.\n[^note]: A named note\n    with two lines.\n",
  "\"Smart\" quotes, 'single', it's -- dashes --- and ... ellipsis.\n",
  "Entities: &amp; &copy; &#8212; &#x27; &nosuch; AT&T 4 < 5 > 3\n",
  "Escapes: \\*not em\\*, \\_x\\_, \\# not heading, \\\\ backslash\n",
  "*unclosed em and **unclosed strong\n",
  "snake_case_words and intra*word*emphasis\n",
  "Tabs\tin\ttext and trailing   \n",
  "Ünïcödé text — with “curly” quotes 中文 日本語\n",
  "Text ending without newline",
  "",
  "# Heading with `code` and [link](/x)\n\nPara.\n",
  "<details>\n<summary>More</summary>\n\nHidden *markdown*.\n\n</details>\n",
  "Line with <br> and <br/> and <img src=\"a.png\"> tags.\n",
  "[broken link] and [also][missing]\n",
  "[Link with `code`](/a \"t & 'q'\") and [<b>](/b)\n",
  "https://example.com/path_with_underscores_here and (www.example.com)\n",
  "1) paren list\n2) second\n",
  "- item\n\n      indented code in item\n",
  "Term\n: not a definition list in CommonMark\n",
  "$$x^2$$ and $y$ math stays text\n",
  "{: .class} kramdown IAL stays text\n",
  "www.example.com/a_b_(c)) and www.x_y.com and www.ok.org/path?x=1&amp; and www.a.b.\n",
  "*www.emph.com* and _http://under.score.com_ and ~www.tilde.com~ and [www.inside.com](/x)\n",
  "`www.code.com` and <span>www.html.com</span> and \"http://quoted.com\" and https://x.y/'q'\n",
  "HTTP://UPPER.COM and Https://Mixed.org/x and ftp://a and http://localhost:8080/x, mailto:me@x.org\n",
  "user+tag@sub.example.com, a.b-c_d@e.fg. and @handle and x@y and x@y.z_ and 1@2.3\n",
  "Multiple[^a] refs[^a] to[^b] same[^c].\n\n[^b]: Second, *emph*.\n[^a]: First\n\n    with code\n\n[^c]: > quoted note\n",
  "Undefined[^nope] ref and [^] empty.\n",
  "- item\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n\n- tight\n- list\n",
  "| a |\n|---|\n| `x|y` |\n| \\| esc |\n| extra | cells | here |\n\nafter\n",
  "|a|b|\n|-|-|\n\n| no body |\n|---|\n",
  "- [ ] \n- [x]\n- [X] upper\n- [y] other\n  - [ ] nested\n",
  "***strong emph*** and **bold *nested* bold** and *a **b** c* and ****four****\n",
  "Punctuation “*quoted*” and «*guillemets*» and *€*uro and _foo_bar_\n",
  "<!-->\n<!--->\n<!-- ok -->\n\ntext\n",
  "<?php echo 1; ?>\n\n<![CDATA[ x ]]>\n\n<!DOCTYPE html>\n",
  "<pre>\n*not md*\n\n</pre>\n\n<textarea>\n\n*x*\n</textarea>\n",
  "<a href=\"x\">link</a> <img src=x onerror=y> <x-custom attr> </div>\n",
  "[foo]: /url \"title\"\n[Foo]: /other\n\n[foo] [FOO] [foo][] [bar]\n\n[bar]:\n  /bar\n  'multi'\n",
  "[a](<b c> \"t\") [d](e\\)f) [g](h(i)j) [k]( l ) [m](n 'o') [p](q (r))\n",
  "![img *with* `code`](a.png) ![nested ![inner](b.png)](c.png) [![badge](d.svg)](e)\n",
  "\tTab code\n\n-\tTab list\n\n>\tTab quote\n",
  "1. a\n1. b\n\n0. zero\n\n003. three\n\n- a\n+ b\n* c\n",
  "- \n  item after blank\n-\n\n  late\n",
  "> quote\nlazy\n\n> - a\n> - b\n\n>> double\n",
  "Setext with *em*\n---\n\nNot setext\n    ---\n\n# \n#\n### ###\n",
  "&nbsp;&ensp;&#0;&#x110000;&#99999999;&AMP;&Amp; &lt;tag&gt;\n",
  "\\!\\\"\\#\\$\\%\\&\\'\\(\\)\\*\\+\\,\\-\\.\\/\\:\\;\\<\\=\\>\\?\\@\\[\\\\\\]\\^\\_\\`\\{\\|\\}\\~\\a\n",
  "line  \nbreak\\\nand trailing\\\n",
  "```\nunclosed fence\n\nstill code\n",
  "````md\n```\ninner\n```\n````\n\n~~~ rust ignore\nfn x() {}\n~~~\n",
  "```ruby?start_inline=1\nputs 1\n```\n\n```guess\n#!/usr/bin/env ruby\nputs 2\n```\n",
  "```\n---\nlayout: post\n---\n```\n\n```\n%YAML 1.2\n---\na: 1\n```\n",
  "```\n\\documentclass{article}\n\\begin{document}\n\\end{document}\n```\n",
  "```\n<?xml version=\"1.0\"?>\n<root/>\n```\n\n```\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n```\n",
  "\"Smart\" 'quotes' don't \"nest 'inner' here\" -- and --- and ... and 1990's '90s\n",
  "Hello~~world~~ and ~~ spaced ~~ and ~~**bold strike**~~ and a~b~c\n",
  "Text<br>with<br/>inline<b>tags</b>\n\n<div>\n\n**md inside**\n\n</div>\n",
  "\\[escaped bracket http://a.com and \\] then [open www.b.com and [x] https://c.org\n",
]
SNIPPETS.each_with_index { |s, i| input(format('own-%03d', i), s) }

kcorpus = File.join(DIR, '..', 'corpus', 'cases')
PAGE_NAMES = []
Dir[File.join(kcorpus, 'pages', '*.md')].sort.each do |p|
  next if p.include?('_kramdown')

  name = "page-#{File.basename(p, '.md')}"
  input(name, File.read(p))
  PAGE_NAMES << name
end
Dir[File.join(kcorpus, 'gfm_*', '*.md')].sort.each do |p|
  input("kd-#{File.basename(File.dirname(p))}-#{File.basename(p, '.md')}", File.read(p))
end
# The kramdown corpus's random documents: token soup in every construct.
Dir[File.join(kcorpus, 'random', '*.md')].sort.each do |p|
  input("rand-#{File.basename(p, '.md')}", File.read(p))
end

SETS = [
  ['default', [], []],
  ['smart', %w[SMART], []],
  ['unsafe', %w[UNSAFE], []],
  ['hardbreaks', %w[HARDBREAKS], []],
  ['nobreaks', %w[NOBREAKS], []],
  ['footnotes', %w[FOOTNOTES], []],
  ['github_pre_lang', %w[GITHUB_PRE_LANG], []],
  ['gfm', %w[UNSAFE], %w[strikethrough table autolink tagfilter tasklist]],
  ['gfm_safe', [], %w[strikethrough table autolink tagfilter tasklist]],
  ['table', [], %w[table]],
  ['autolink', [], %w[autolink]],
  ['strikethrough_double', %w[STRIKETHROUGH_DOUBLE_TILDE], %w[strikethrough]],
  ['smart_unsafe_hardbreaks', %w[SMART UNSAFE HARDBREAKS], %w[table strikethrough]],
]

INPUTS.each { |name, src| File.write(File.join(DIR, 'inputs', "#{name}.md"), src) }
File.write(File.join(DIR, 'sets.txt'), SETS.map { |n, o, e| "#{n} options=#{o.join(',')} extensions=#{e.join(',')}\n" }.join)
count = 0
SETS.each do |set, options, extensions|
  out = File.join(DIR, 'cases', set)
  FileUtils.mkdir_p(out)
  INPUTS.each do |name, src|
    next unless %w[default gfm footnotes].include?(set) || name.start_with?('own-') || PAGE_NAMES.include?(name)

    File.write(File.join(out, "#{name}.html"), convert(src, options, extensions))
    count += 1
  end
end
puts "#{count} cases (#{INPUTS.size} inputs, #{SETS.size} option sets)"
