# Generates the kramdown differential corpus: Markdown documents we wrote,
# converted by Jekyll 4.3's kramdown converter (kramdown 2.4.0 +
# kramdown-parser-gfm 1.1.0 + Rouge 3.30) with Jekyll's option set.
#
#   ruby crates/markdown/tests/corpus/generate.rb
#
# Writes cases/<category>/<name>.md, .html and (for non-default options) .opts
# (`key: value` lines, applied on top of Jekyll's `kramdown:` defaults).
require 'jekyll'
require 'fileutils'

OUT = File.join(__dir__, 'cases')
FileUtils.rm_rf(OUT)

def convert(src, overrides)
  config = Jekyll::Configuration.from('kramdown' => overrides)
  Jekyll::Converters::Markdown::KramdownParser.new(config).convert(src)
end

$count = 0
def emit(category, name, src, overrides = {})
  dir = File.join(OUT, category)
  FileUtils.mkdir_p(dir)
  base = File.join(dir, name)
  html = convert(src, overrides)
  File.write("#{base}.md", src)
  File.write("#{base}.html", html)
  unless overrides.empty?
    lines = overrides.flat_map do |k, v|
      case v
      when Hash then v.map { |hk, hv| "#{k}.#{hk}: #{hv}\n" }
      when Array then ["#{k}: #{v.join(',')}\n"]
      else ["#{k}: #{v}\n"]
      end
    end
    File.write("#{base}.opts", lines.join)
  end
  $count += 1
rescue StandardError => e
  warn "skipping #{category}/#{name}: #{e.class}: #{e.message}"
end

SNIPPETS = {}
def snip(cat, *texts)
  (SNIPPETS[cat] ||= []).concat(texts)
end

snip 'paragraph',
  "Just one line.\n",
  "Two lines\nin one paragraph.\n",
  "First paragraph.\n\nSecond paragraph.\n",
  "   Indented by three spaces.\n",
  "Trailing spaces  \nmake a break.\n",
  "Backslash\\\nbreak in GFM.\n",
  "Double backslash\\\\\nbreak.\n",
  "Line one\nLine two\nLine three\n\n\n\nAfter many blanks.\n",
  "Text with <b>bold html</b> and <i>italics</i>.\n",
  "A paragraph\n# not a header in kramdown\n",
  "A paragraph\n> quote after paragraph\n",
  "A paragraph\n- list after paragraph\n",
  "A paragraph\n1. ordered after paragraph\n",
  "A paragraph\n```\ncode after paragraph\n```\n",
  "Tabs\tinside\ttext.\n",
  "Ends without newline"

snip 'header',
  "# Title\n",
  "## Second level ##\n",
  "### Third with trailing hashes ###   \n",
  "#### Four\n##### Five\n###### Six\n",
  "####### Seven hashes\n",
  "#No space\n",
  "Setext One\n==========\n",
  "Setext Two\n----------\n",
  "# Custom id {#my-id}\n",
  "## Header with `code` and *emphasis*\n",
  "# Same\n\n# Same\n\n# Same\n",
  "# 123 Numbers first\n",
  "# Ünïcödé Header\n",
  "# Über uns — Ärger\n",
  "# Symbols & \"quotes\" 'here'\n",
  "# Header with [link](http://x.com)\n",
  "Paragraph\n# Header right after\n",
  "# Escaped \\#\n",
  "#   Spaced   #\n",
  "# \n",
  "## Publications (2020--2024)\n",
  "# C++ & Rust: a comparison...\n",
  "# 中文标题\n",
  "# Header {#id .class}\n",
  "# Header\n{: .klass #other}\n",
  "## Why? Because!\n\n## Why? Because!\n"

snip 'emphasis',
  "*em* and **strong** and ***both***\n",
  "_em_ and __strong__ and ___both___\n",
  "snake_case_word and foo_bar_baz\n",
  "a * not em * here\n",
  "**unclosed strong\n",
  "*unclosed em\n",
  "**bold *nested em* inside**\n",
  "*em **nested strong** inside*\n",
  "mid**word**bold and mid*word*em\n",
  "**Strong:** text after\n",
  "*a*b*c*\n",
  "__init__ method\n",
  "2*3*4 = 24\n",
  "***\n\n**Bold** start\n",
  "Multi *line\nemphasis* here\n",
  "Co-_author_ and pre-__bold__\n",
  "Strike ~~this~~ out\n",
  "~~ not strike ~~\n",
  "~~multi word strike~~ and ~single~\n",
  "**Authors:** *J. Doe*, **A. Smith**\n"

snip 'code',
  "Inline `code` here.\n",
  "Double ``code with ` backtick`` here.\n",
  "Unclosed `code\n",
  "`` `a` ``\n",
  "    indented code\n    second line\n",
  "    code\n\n    more code after blank\n",
  "    code\nlazy continuation\n",
  "\tTab indented code\n",
  "```\nfenced plain\n```\n",
  "```python\ndef f(x):\n    return x * 2\n```\n",
  "```ruby\nputs 'hi'\n```\n",
  "~~~\ntilde fence\n~~~\n",
  "~~~ ruby\ntilde with lang\n~~~\n",
  "````\n```\nnested fence\n```\n````\n",
  "```js\nconst a = 1 < 2 && 3 > 2;\n```\n",
  "```unknownlang\nsome text\n```\n",
  "```\nunclosed fence\n",
  "   ```\n   indented fence\n   ```\n",
  "```bash\n$ echo \"hi\" > out.txt\n```\n",
  "``` yaml\nkey: value\n```\n",
  "```text\nplain text lang\n```\n",
  "```c++\nint main() {}\n```\n",
  "```ruby?start_inline=1\nputs 1\n```\n",
  "Code with entities `&amp; <tag>` here\n",
  "```html\n<div class=\"x\">&amp;</div>\n```\n",
  "- item\n\n  ```python\n  print(1)\n  ```\n",
  "```\n\n\nblank lines inside\n\n```\n"

snip 'blockquote',
  "> quoted\n",
  "> line one\n> line two\n",
  "> lazy\ncontinuation\n",
  "> para one\n>\n> para two\n",
  "> nested\n> > deeper\n",
  "> # header in quote\n> text\n",
  "> - list in quote\n> - two\n",
  ">no space\n",
  "> quote\n\nafter\n",
  "> ```\n> code in quote\n> ```\n"

snip 'list',
  "- one\n- two\n- three\n",
  "* star\n* list\n",
  "+ plus\n+ list\n",
  "1. one\n2. two\n3. three\n",
  "3. starts at three\n4. four\n",
  "- loose\n\n- list\n",
  "- tight\n- list\n\n- then loose\n",
  "- item\n\n  continued paragraph\n",
  "- item\n  lazy indented\n",
  "- item\nlazy unindented\n",
  "- outer\n  - inner\n  - inner2\n- outer2\n",
  "- outer\n    - deep inner\n",
  "1. outer\n   1. inner\n2. outer2\n",
  "- a\n- b\n\n\n- c\n",
  "- [ ] task\n- [x] done\n- normal\n",
  "- normal\n- [ ] task later\n",
  "-    wide marker spacing\n",
  "-\ttab after marker\n",
  "- item\n\n---\n",
  "- item\n---\n",
  "- one\n^\n- two\n",
  "1. one\n- bullet after ordered\n",
  "- one\n1. ordered after bullet\n",
  "- item with `code`\n- item with **bold**\n",
  "- item\n\n      code in item\n",
  "* A\n* B\n\n  para in B\n* C\n",
  "- {:.cls} item with ial\n- normal\n",
  "1) paren ordered\n2) two\n",
  "- a\n - b\n  - c\n   - d\n",
  "- level 1\n  - level 2\n    - level 3\n      - level 4\n",
  "10. ten\n11. eleven\n",
  "- \n- empty first\n",
  "Paragraph\n\n- list\n\nParagraph\n",
  "- item\n\n> quote after list\n"

snip 'link',
  "[text](http://example.com)\n",
  "[text](http://example.com \"Title\")\n",
  "[text](http://example.com 'Title')\n",
  "[text](<http://example.com/with space>)\n",
  "[text](url(with)parens)\n",
  "[ref link][id]\n\n[id]: http://example.com\n",
  "[implicit ref]\n\n[implicit ref]: http://example.com \"T\"\n",
  "[missing ref][nope]\n",
  "[collapsed][]\n\n[collapsed]: /url\n",
  "![alt text](/img.png)\n",
  "![alt](/img.png \"img title\")\n",
  "[![img in link](/i.png)](http://x.com)\n",
  "<http://autolink.com>\n",
  "<mailto:me@example.com>\n",
  "<me@example.com>\n",
  "Bare http://example.com url\n",
  "[link with *em*](http://x.com)\n",
  "[nested [brackets]](http://x.com)\n",
  "[unclosed link(http://x.com)\n",
  "[text](http://ex.com/ü/ñ)\n",
  "[text](http://ex.com/a&b)\n",
  "[a](b) [c](d)\n",
  "[link](http://x.com){: .cls}\n",
  "![img](/a.png){: width=\"50%\"}\n",
  "[def with title]\n\n[def with title]: http://x.com\n  \"Next line title\"\n",
  "[x]: http://unused.com\n\nText only\n",
  "[Case Insensitive]\n\n[case insensitive]: /ci\n",
  "[link](#anchor)\n",
  "[link]( http://spaced.com )\n",
  "[PDF](/files/paper.pdf){:target=\"_blank\"}\n"

snip 'html',
  "<div>raw block</div>\n",
  "<div>\nmultiline\n</div>\n",
  "<div markdown=\"1\">\n*parsed* markdown\n</div>\n",
  "<div markdown=\"span\">*span* parsed</div>\n",
  "<div markdown=\"block\">\n# block parsed\n</div>\n",
  "<br/>\n",
  "<br>\n",
  "Line<br/>break\n",
  "<p align=\"center\">centered</p>\n",
  "<img src=\"/a.png\" alt=\"a\">\n",
  "<img src='/a.png' width=200 />\n",
  "<!-- comment -->\n",
  "<!-- multi\nline comment -->\n",
  "Text <!-- inline comment --> more\n",
  "<span class=\"x\">span *em*</span>\n",
  "<a href=\"http://x.com\">html link</a>\n",
  "<details>\n<summary>Click</summary>\n\nHidden *content*\n</details>\n",
  "<table>\n  <tr><td>cell</td></tr>\n</table>\n",
  "<script>\nvar x = 1 < 2;\n</script>\n",
  "<style>\n.a { color: red; }\n</style>\n",
  "<center>old tag</center>\n",
  "<DIV>upper case</DIV>\n",
  "<div class=\"a\" id=\"b\" data-x=\"1\">attrs</div>\n",
  "<div>\n  <p>nested</p>\n  <br/>\n</div>\n",
  "<iframe src=\"https://www.youtube.com/embed/x\" width=\"560\" height=\"315\" frameborder=\"0\" allowfullscreen></iframe>\n",
  "<sup>1</sup> and <sub>2</sub>\n",
  "<kbd>Ctrl</kbd>+<kbd>C</kbd>\n",
  "<u>underlined</u>\n",
  "Text with < and > and & signs.\n",
  "<div>unclosed div\n",
  "</div> stray close\n",
  "<foo>unknown tag</foo>\n",
  "<hr>\n",
  "<hr/>\n",
  "<div><b>b</b> &nbsp; &copy; &#169;</div>\n",
  "<p>para with <a href=\"x\">link</a></p>\n\nAfter\n",
  "  <div>indented two</div>\n",
  "<h2>html header</h2>\n",
  "<ul>\n<li>html list</li>\n</ul>\n",
  "<font color=\"red\">font</font>\n",
  "<div style=\"text-align: center\"><img src=\"x.png\" width=\"50%\"/></div>\n",
  "<i class=\"fa fa-envelope\"></i> Email\n",
  "<a name=\"anchor\"></a>\n"

snip 'table',
  "| a | b |\n|---|---|\n| 1 | 2 |\n",
  "| left | center | right |\n|:-----|:------:|------:|\n| l | c | r |\n",
  "a | b\n--|--\n1 | 2\n",
  "| only | body |\n| rows | here |\n",
  "| h |\n|---|\n| b |\n|===|\n| f |\n",
  "| h1 | h2 |\n|----|----|\n| a |\n| a | b | c |\n",
  "| `code | pipe` | x |\n|---|---|\n| 1 | 2 |\n",
  "| escaped \\| pipe | x |\n|---|---|\n",
  "| a | b |\n|---|---|\n| 1 | 2 |\n\n| c | d |\n|---|---|\n| 3 | 4 |\n",
  "| *em* | **strong** | [link](x) |\n|---|---|---|\n| 1 | 2 | 3 |\n",
  "|a|b|\n|-|-|\n|1|2|\n",
  "| head |\n|------|\n",
  "Text\n| a | b |\n",
  "| a | b |\n|---|---|\n| 1 | 2 |\n{: .table-class}\n",
  "| Year | Title |\n|------|-------|\n| 2021 | Paper A |\n| 2020 | Paper B |\n",
  "| a |  |\n|---|---|\n|  | b |\n",
  "|---|---|\n| a | b |\n",
  "| x | y |\n|---|---|\n| 1 | 2 |\n|---|---|\n| 3 | 4 |\n"

snip 'hr',
  "---\n", "***\n", "___\n", "- - -\n", "* * * *\n", "Text\n\n---\n\nMore\n", "Para\n---\n", "--\n"

snip 'math',
  "$$x^2 + y^2$$\n",
  "$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$\n",
  "Inline $$a < b$$ math.\n",
  "Single $x$ dollars stay.\n",
  "Text\n$$y = mx$$\n",
  "\\$$not math$$\n",
  "$$a$$ trailing text\n",
  "Before\n\n$$\n\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}\n$$\n\nAfter\n",
  "Cost is $5 and $10.\n",
  "$$E=mc^2$$\n{: .eq}\n",
  "Euler: $$e^{i\\pi} + 1 = 0$$, famous.\n"

snip 'footnote',
  "Text[^1].\n\n[^1]: The note.\n",
  "Two[^a] notes[^b].\n\n[^a]: First.\n[^b]: Second.\n",
  "Repeat[^r] again[^r].\n\n[^r]: Repeated.\n",
  "Missing[^nope].\n",
  "Unused.\n\n[^u]: Unused note.\n",
  "Multi[^m].\n\n[^m]: Para one.\n\n    Para two.\n",
  "Code note[^c].\n\n[^c]: Has `code` and *em*.\n",
  "Named[^note-name].\n\n[^note-name]: Named note.\n"

snip 'entity',
  "&amp; &lt; &gt; &quot;\n",
  "&copy; &nbsp; &mdash; &hellip;\n",
  "&#169; &#x00A9; &#8212;\n",
  "&unknown; & lone ampersand\n",
  "AT&T and R&D\n",
  "&#150; cp1252 dash\n",
  "Caf&eacute; na&iuml;ve\n"

snip 'typography',
  "Dashes -- and --- here.\n",
  "Ellipsis... here\n",
  "<< guillemets >> and <<tight>>\n",
  "\"Double quotes\" and 'single quotes'.\n",
  "It's a dog's life.\n",
  "The '80s and '90s.\n",
  "\"Nested 'quotes' here\"\n",
  "Quote at end\"\n",
  "'Tis the season\n",
  "He said, \"Hello.\"\n",
  "Escaped \\\"quotes\\\" here\n",
  "Pages 10--20, 2019--2021\n",
  "Don't -- won't --- can't...\n",
  "(\"parens\") [\"brackets\"]\n",
  "**\"Bold quote\"**\n",
  "\"*em quote*\"\n",
  "5'10\" tall\n"

snip 'escape',
  "\\*not em\\*\n",
  "\\_not em\\_\n",
  "\\# not header\n",
  "\\[not link\\](x)\n",
  "\\`not code\\`\n",
  "Backslash \\\\ itself\n",
  "\\~\\~ not strike\n",
  "\\$\\$ not math\n",
  "\\< not tag\n",
  "\\{: not ial}\n",
  "\\| pipe\n",
  "\\a not escapable\n"

snip 'ial',
  "Paragraph\n{: .lead}\n",
  "{: .before}\nParagraph after ial\n",
  "Para\n{: #pid .c1 .c2 title=\"T\"}\n",
  "{:refdef: .ref}\nPara\n{: refdef}\n",
  "Some *em*{: .x} text\n",
  "- item\n{: .list-class}\n",
  "> quote\n{: .q}\n",
  "Para\n\n{: .orphan}\n",
  "# Header\n{: .no_toc}\n",
  "Text\n{: style=\"color: red\"}\n",
  "![image](/a.png){: .align-center}\n",
  "[link](x){: .btn .btn--primary}\n"

snip 'kramdown_only',
  "Term\n: Definition\n",
  "Term one\nTerm two\n: Def one\n: Def two\n",
  "Term\n\n: Loose definition\n",
  "*[HTML]: Hyper Text Markup Language\n\nHTML is great. HTML!\n",
  "* toc\n{:toc}\n\n# One\n\n## Two\n\n# Three\n",
  "{::comment}\nhidden\n{:/comment}\nVisible\n",
  "{::nomarkdown}\n<b>raw</b> *not md*\n{:/nomarkdown}\n",
  "Inline {::nomarkdown}<i>x</i>{:/} raw\n",
  "{::options auto_ids=\"false\" /}\n# No id\n",
  "Para\n^\nNext para\n",
  "{:.ald: .x}\n",
  "1. toc\n{:toc}\n\n## A\n\n### B\n",
  "Term\n: {:.cls} def with ial\n",
  "* toc\n{:toc}\n\n# H1 with [link](x) and footnote[^1]\n\n[^1]: note\n"

snip 'edge',
  "&#0; &#65; &#X41; &#x; &#1114111;", "\xEF\xBB\xBFBOM start\n", "line\r\nwith crlf\r\n\r\n- a\r\n- b\r\n",
  "old\rmac\rendings", "tab\there\n\n\t- tab list\n", "trailing   ", "nul \x01 char", "# h1 #\n## h2 ##\n",
  "* a\n\n\n* b", "<div>\n*x*\n</div>\n\n<div markdown=\"1\">\n*y*\n</div>", "Term\n: def\n\n: def2",
  "a  \nb\\\nc", "[a]: <>\n[a]", "`` ` ``", "**a**b**c**", "_a_b_c_", "http://x.com/a_b_c and www.x.com",
  "> a\n>\n> b\n\nc", "1. a\n1. b\n1. c", "- a\n    - b\n        - c\n            - d", "<pre>\n  *x*\n</pre>",
  "<textarea>\n*x*\n</textarea>", "a <!-- b --> c\n\n<!-- d -->\ne", "$$\na\n$$ b", "|a|\n|-|\n|`|`|"

# Realistic pages.
PAGES = {}
PAGES['bio'] = <<~MD
  I am a **PhD candidate** in the [Department of Computer Science](https://cs.example.edu) at Example University, advised by [Prof. Jane Doe](https://jane.example.edu/). My research focuses on *machine learning*, optimization, and their applications to scientific computing.

  Before that, I received my B.S. from Some College in 2018, where I worked with Prof. John Smith on graph algorithms.

  ## News

  - **[Oct 2024]** Our paper on *efficient transformers* was accepted to NeurIPS 2024!
  - **[Jun 2024]** Started an internship at Big Lab.
  - **[Jan 2024]** Gave a talk at the ML seminar ([slides](/files/talk.pdf)).

  ## Contact

  Email: <me@example.com>
  Office: Room 123, Building A
MD
PAGES['publications'] = <<~MD
  ## Journal Articles

  1. **J. Doe**, A. Smith, and B. Lee. "Learning to optimize." *Journal of ML Research*, 2023. [[PDF]](/files/jmlr.pdf) [[Code]](https://github.com/x/y)
  2. A. Smith and **J. Doe**. "On convergence rates." *SIAM J. Optim.*, 31(2):1--30, 2021.

  ## Conference Papers

  * **Doe, J.**, Lee, B. (2022). Fast methods. In *Proceedings of ICML* (pp. 100--110).
    Selected for oral presentation.
  * Lee, B., **Doe, J.** (2020). Slow methods. *arXiv preprint arXiv:2001.00001*.

  ---

  <sup>*</sup> denotes equal contribution.
MD
PAGES['math'] = <<~MD
  ---
  Consider the loss function

  $$
  \\mathcal{L}(\\theta) = \\frac{1}{n}\\sum_{i=1}^{n} \\ell(f_\\theta(x_i), y_i)
  $$

  where $$f_\\theta$$ is a neural network. The gradient is $$\\nabla_\\theta \\mathcal{L}$$.

  **Theorem 1.** If $$\\mathcal{L}$$ is $$L$$-smooth, then gradient descent with step size $$\\eta < 2/L$$ converges.

  *Proof.* By the descent lemma,
  $$f(x_{k+1}) \\le f(x_k) - \\eta(1 - L\\eta/2)\\|\\nabla f(x_k)\\|^2.$$
  Summing over $$k$$ gives the result. $$\\square$$
MD
PAGES['code'] = <<~MD
  # Getting started with PyTorch

  Install it first:

  ```bash
  pip install torch torchvision
  ```

  Then define a model:

  ```python
  import torch
  import torch.nn as nn

  class Net(nn.Module):
      def __init__(self):
          super().__init__()
          self.fc = nn.Linear(784, 10)

      def forward(self, x):
          return self.fc(x.view(-1, 784))
  ```

  Run `python train.py --epochs 10`. The output looks like:

      Epoch 1: loss=0.52
      Epoch 2: loss=0.31

  > **Note:** use a GPU if you can.
MD
PAGES['cjk'] = <<~MD
  # 关于我

  我是一名**博士研究生**，研究方向为机器学习与优化。欢迎通过[邮件](mailto:me@example.com)联系我。

  ## 研究兴趣

  - 深度学习理论
  - 大规模优化
  - 「日本語」のテキストも含みます。

  한국어 문장도 있습니다. 숫자 123 과 English mixed.
MD
PAGES['teaching'] = <<~MD
  ---
  title: "Teaching"
  ---

  Teaching Assistant
  ======

  * **CS 101**: Introduction to Programming (Fall 2021, Spring 2022)
  * **CS 229**: Machine Learning (Fall 2023)

  <p align="center">
    <img src="/images/teaching.jpg" width="400">
  </p>

  Course evaluations are available upon request.
MD
PAGES['talks'] = <<~MD
  Talks
  -----

  | Date | Venue | Title |
  |:-----|:------|:------|
  | 2024-05 | ICLR | *Scaling laws* |
  | 2023-11 | Seminar | [Optimization](/talks/opt) |

  <br/>
  More talks coming soon...
MD
PAGES['cv'] = <<~MD
  Education
  ======
  * Ph.D in Computer Science, Example University, 2025 (expected)
  * B.S. in Mathematics, Some College, 2019

  Work experience
  ======
  * Summer 2023: Research Intern
    * Big Lab
    * Duties included: modelling
    * Supervisor: Dr. X

  Skills
  ======
  * Python
    * PyTorch
    * JAX
  * C++

  Service and leadership
  ======
  * Reviewer for NeurIPS, ICML
MD
PAGES['post'] = <<~MD
  This is a sample blog post. Lorem ipsum I can't remember the rest of lorem ipsum and don't have an internet connection right now. Testing testing testing this blog post. Blog posts are cool.

  Headings are cool
  ======

  You can have many headings
  ======

  Aren't headings cool?
  ------

  Footnotes are useful[^fn].

  [^fn]: As are "smart quotes" -- and dashes.
MD
PAGES['mixed_html'] = <<~MD
  <div class="notice--info" markdown="1">
  **Heads up!** This notice contains *markdown*.

  - and a list
  </div>

  <details>
    <summary>Show more</summary>
    <p>Hidden paragraph with <a href="https://x.com">a link</a>.</p>
  </details>

  Text after.
MD

PAGES['markdown_guide'] = <<~MD
  ## Locations of key files/directories

  * Basic config options: _config.yml
  * Top navigation bar config: _data/navigation.yml
  * Single pages: _pages/
  * Collections of pages are .md or .html files in:
    * _publications/
    * _portfolio/
    * _posts/
    * _teaching/
    * _talks/
  * Footer: _includes/footer.html
  * Static files (like PDFs): /files/
  * Profile image (can set in _config.yml): images/profile.png

  ## Tips and hints

  * Name a file ".md" to have it render in markdown, name it ".html" to render in HTML.
  * Go to the [commit list](https://github.com/academicpages/academicpages.github.io/commits/master) (on your repo) to find the last version Github built with Jekyll.
    * Green check: successful build
    * Orange circle: building
    * Red X: error
    * No icon: not built

  ## Resources
   * [Liquid syntax guide](https://shopify.github.io/liquid/tags/control-flow/)

  ## MathJax

  Support for MathJax Version 3.0 is included in the template:

  $$
  \displaylines{
  \nabla \cdot E= \frac{\rho}{\epsilon_0} \\\\
  \nabla \cdot B=0 \\\\
  \nabla \times E= -\partial_tB \\\\
  \nabla \times B  = \mu_0 \left(J + \varepsilon_0 \partial_t E \right)
  }
  $$

  The default delimiters of `$$...$$` and `\\\\[...\\\\]` are supported for displayed mathematics, while `\\\\(...\\\\)` should be used for in-line mathematics (ex., \\\\(a^2 + b^2 = c^2\\\\))

  **Note** that since Academic Pages uses Markdown which cases some interference with MathJax and LaTeX for escaping characters and new lines, although [some workarounds exist](https://math.stackexchange.com/questions/2340170/).

  ## Markdown guide

  Academic Pages uses [kramdown](https://kramdown.gettalong.org/index.html) for Markdown rendering, which has some differences from other Markdown implementations such as GitHub's. In addition to this guide, please see the [kramdown Syntax page](https://kramdown.gettalong.org/syntax.html) for full documentation.

  ### Header three

  #### Header four

  ##### Header five

  ###### Header six

  ## Blockquotes

  Single line blockquote:

  > Quotes are cool.

  ## Tables

  ### Table 1

  | Entry            | Item   |                                                              |
  | --------         | ------ | ------------------------------------------------------------ |
  | [John Doe](#)    | 2016   | Description of the item in the list                          |
  | [Jane Doe](#)    | 2019   | Description of the item in the list                          |
  | [Doe Doe](#)     | 2022   | Description of the item in the list                          |

  ### Table 2

  | Header1 | Header2 | Header3 |
  |:--------|:-------:|--------:|
  | cell1   | cell2   | cell3   |
  | cell4   | ce
  ll5 | cell6   |
  |-----------------------------|
  | cell1   | cell2   | cell3   |
  | cell4   | cell5   | cell6   |
  |=============================|
  | Foot1   | Foot2   | Foot3   |

  ## Definition Lists

  Definition List Title
  :   Definition list division.

  Startup
  :   A startup company or startup is a company or temporary organization designed to search for a repeatable and scalable business model.

  #dowork
  :   Coined by Rob Dyrdek and his personal body guard Christopher "Big Black" Boykins, "Do Work" works as a self motivator, to motivating your friends.

  ## Unordered Lists (Nested)

    * List item one
        * List item one
            * List item one
            * List item two
            * List item three
            * List item four
        * List item two
        * List item three
        * List item four
    * List item two
    * List item three
    * List item four

  ## Ordered List (Nested)

    1. List item one
        1. List item one
            1. List item one
            2. List item two
            3. List item three
            4. List item four
        2. List item two
        3. List item three
        4. List item four
    2. List item two
    3. List item three
    4. List item four

  ## Buttons

  Make any link standout more when applying the `.btn` class.

  ## Notices

  **Watch out!** You can also add notices by appending `{: .notice}` to a paragraph.
  {: .notice}

  ## HTML Tags

  ### Address Tag

  <address>
    1 Infinite Loop<br /> Cupertino, CA 95014<br /> United States
  </address>

  ### Anchor Tag (aka. Link)

  This is an example of a [link](http://apple.com "Apple").

  ### Abbreviation Tag

  The abbreviation CSS stands for "Cascading Style Sheets".

  *[CSS]: Cascading Style Sheets

  ### Cite Tag

  "Code is poetry." ---<cite>Automattic</cite>

  ### Code Tag

  You will learn later on in these tests that `word-wrap: break-word;` will be your best friend.

  You can also write larger blocks of code with syntax highlighting supported for some languages, such as Python:

  ```python
  print('Hello World!')
  ```

  or R:

  ```R
  print("Hello World!", quote = FALSE)
  ```

  ### Details Tag

  <details>
  <summary>Click for Details</summary>
  <p>The HTML <code>&lt;details&gt;</code> tag works well with Markdown and allows you to include collapsible sections, see <a href="https://www.w3schools.com/tags/tag_details.asp">W3Schools</a> for more information.</p>
  </details>

  ### Emphasize Tag

  The emphasize tag should _italicize_ text.

  ### Insert Tag

  This tag should denote <ins>inserted</ins> text.

  ### Keyboard Tag

  This scarcely known tag emulates <kbd>keyboard text</kbd>, which is usually styled like the `<code>` tag.

  ### Preformatted Tag

  This tag styles large blocks of code.

  <pre>
  .post-title {
    margin: 0 0 5px;
    font-weight: bold;
    font-size: 38px;
    line-height: 1.2;
    and here's a line of some really, really, really, really long text, just to see how the PRE tag handles it and to find out how it overflows;
  }
  </pre>

  ### Quote Tag

  <q>Developers, developers, developers&#8230;</q> &#8211;Steve Ballmer

  ### Strike Tag

  This tag will let you <strike>strikeout text</strike>.

  ### Strong Tag

  This tag shows **bold text**.

  ### Subscript Tag

  Getting our science styling on with H<sub>2</sub>O, which should push the "2" down.

  ### Superscript Tag

  Still sticking with science and Isaac Newton's E = MC<sup>2</sup>, which should lift the 2 up.

  ### Variable Tag

  This allows you to denote <var>variables</var>.

  ***
  **Footnotes**

  The footnotes in the page will be returned following this line, return to the section on <a href="#markdown-guide">Markdown Footnotes</a>.
MD
PAGES['publication_entry'] = <<~MD
  This paper is about the number 1. The number 2 is left for future work.

  Recommended citation: Your Name, You. (2009). "Paper Title Number 1." <i>Journal 1</i>. 1(1).

  [Download paper here](http://academicpages.github.io/files/paper1.pdf)

  <a href='https://doi.org/10.1000/xyz'><img src='https://img.shields.io/badge/DOI-10.1000-blue' alt='DOI'></a>

  <figure>
    <img src="/images/fig1.png" alt="Figure 1" style="width:80%">
    <figcaption>Fig. 1: Overview of the method.</figcaption>
  </figure>
MD
PAGES['talk_entry'] = <<~MD
  [More information here](http://example.com)

  This is a description of your talk, which is a markdown files that can be all markdown-ified like any other post. Yay markdown!

  <iframe width="560" height="315" src="https://www.youtube.com/embed/abc" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write" allowfullscreen></iframe>

  Slides: [PDF](/files/slides.pdf) | [Video](https://youtu.be/abc)
MD
PAGES['portfolio_entry'] = <<~MD
  ![500x300](/images/500x300.png){: .align-center}

  Project overview
  ----------------
  * Built a **web app** with _Flask_ + `React`
  * Deployed on AWS [^aws]

  [^aws]: Using EC2 and S3.

  Key results:
  1. 30% faster inference
  2. 2x smaller model

     Details in the appendix.
  3. Open-sourced at <https://github.com/x/y>
MD
PAGES['blog_code_heavy'] = <<~MD
  Some notes on `git` workflows.

  ~~~bash
  git checkout -b feature/x
  git commit -am "WIP: add x"   # commit everything
  git push -u origin feature/x
  ~~~

  And a JSON config:

  ```json
  {"name": "x", "version": 1, "tags": ["a", "b"], "ok": true, "none": null}
  ```

  YAML front matter example:

  ```yaml
  title: "Hello"
  tags: [a, b]
  nested:
    key: 42
  ```

  Inline HTML code: <code>x &lt; y</code> and `x < y`.

      $ indented console block
      output line

  1. Step one:

     ```sh
     make build
     ```

  2. Step two.
MD

PAGES['toc_sidebar'] = File.read(File.join(__dir__, 'toc_sidebar.md.in'))

def each_snippet
  SNIPPETS.each do |cat, list|
    list.each_with_index { |src, i| yield cat, i, src }
  end
end

# 1. Every snippet in both input modes with Jekyll's defaults.
each_snippet do |cat, i, src|
  emit("gfm_#{cat}", format('%03d', i), src)
  emit("kd_#{cat}", format('%03d', i), src, 'input' => 'kramdown')
end

# 2. Realistic pages.
PAGES.each do |name, src|
  emit('pages', name, src)
  emit('pages', "#{name}_kramdown", src, 'input' => 'kramdown')
end
about = File.join(__dir__, '..', '..', '..', '..', '..', 'shared', 'seed', 'about.md')
about = '/work/shared/seed/about.md' unless File.exist?(about)
if File.exist?(about)
  body = File.read(about).sub(/\A---\n.*?\n---\n/m, '')
  emit('pages', 'seed_about', body)
end

# 3. Seeded combinations of snippets.
rng = Random.new(4242)
all = SNIPPETS.values.flatten
300.times do |n|
  parts = Array.new(2 + rng.rand(4)) { all[rng.rand(all.size)] }
  src = parts.map { |p| p.end_with?("\n") ? p : p + "\n" }.join("\n")
  mode = n.even? ? {} : { 'input' => 'kramdown' }
  emit('combo', format('%03d', n), src, mode)
end

# 4. Non-default options.
OPTION_SETS = [
  { 'auto_ids' => false },
  { 'auto_id_prefix' => 'sec-' },
  { 'hard_wrap' => true },
  { 'parse_block_html' => true },
  { 'parse_span_html' => false },
  { 'footnote_nr' => 5 },
  { 'footnote_backlink' => 'back' },
  { 'footnote_backlink' => '' },
  { 'footnote_prefix' => 'p-' },
  { 'entity_output' => 'numeric' },
  { 'entity_output' => 'symbolic' },
  { 'entity_output' => 'as_input' },
  { 'toc_levels' => [2, 3] },
  { 'smart_quotes' => 'lsaquo,rsaquo,laquo,raquo' },
  { 'header_offset' => 1 },
  { 'syntax_highlighter' => 'nil' },
  { 'gfm_quirks' => 'no_auto_typographic' },
  { 'gfm_quirks' => [] },
  { 'guess_lang' => false },
  { 'input' => 'kramdown', 'parse_block_html' => true },
  { 'input' => 'kramdown', 'auto_id_stripping' => true },
  { 'typographic_symbols' => { 'hellip' => '...', 'mdash' => '---' } },
  { 'remove_line_breaks_for_cjk' => true },
  { 'footnote_backlink_inline' => true },
  { 'toc_levels' => '2..3' },
  { 'input' => 'kramdown', 'auto_ids' => false, 'entity_output' => 'symbolic' },
  { 'smart_quotes' => %w[apos apos quot quot] },
  { 'syntax_highlighter_opts' => { 'disable' => true } },
  { 'syntax_highlighter_opts' => { 'default_lang' => 'python' } },
  { 'transliterated_header_ids' => true },
  { 'input' => 'kramdown', 'header_offset' => 2, 'footnote_nr' => 3 },
]
option_docs = [PAGES['post'], PAGES['mixed_html'], PAGES['cjk'], PAGES['code'], PAGES['math'],
               SNIPPETS['kramdown_only'].join("\n"), SNIPPETS['typography'].join("\n"),
               SNIPPETS['entity'].join("\n"), SNIPPETS['footnote'][0] + "\n" + SNIPPETS['footnote'][2]]
OPTION_SETS.each_with_index do |opts, i|
  option_docs.each_with_index do |doc, j|
    emit('options', format('%02d_%d', i, j), doc, opts)
  end
end

# 4b. Rouge's formatter options under syntax_highlighter_opts, as a site's
# `kramdown:` hash passes them (top level, `block:` and `span:`), on documents
# with fenced, indented and IAL-tagged code blocks and code spans.
CODE_DOC = <<~MD
  Inline `plain` and `x = 1`{:.language-python} and `puts 1`{: .language-ruby}.

  ```ruby
  def hi(name)
    puts "hi \#{name}"
  end
  ```

  ~~~
  no language
  ~~~

      indented code
      second line

  ```unknownlang
  some text
  ```

  ```python
  one_line = True
  ```
  {: .extra #snippet}

  ```js
  const a = 1;
  const b = 2;
  const c = 3;
  const d = 4;
  const e = 5;
  const f = 6;
  const g = 7;
  const h = 8;
  const i = 9;
  const j = 10;
  ```

  - item with code:

    ```sh
    make build
    ```

  ```guess
  #!/usr/bin/env python
  print("guessed")
  ```
MD
HIGHLIGHTER_SETS = [
  { 'block' => { 'line_numbers' => true } },
  { 'line_numbers' => true },
  { 'span' => { 'line_numbers' => true } },
  { 'block' => { 'line_numbers' => true, 'start_line' => 10 } },
  { 'line_numbers' => true, 'start_line' => 3, 'block' => { 'start_line' => 7 } },
  { 'line_numbers' => true, 'block' => { 'line_numbers' => false } },
  { 'css_class' => 'syntax' },
  { 'block' => { 'css_class' => 'code-block', 'line_numbers' => true } },
  { 'wrap' => false },
  { 'block' => { 'default_lang' => 'python' } },
  { 'default_lang' => 'ruby', 'span' => { 'default_lang' => 'plaintext' } },
  { 'span' => { 'disable' => true } },
  { 'block' => { 'disable' => true } },
  { 'default_lang' => 'text', 'line_numbers' => false },
]
highlighter_docs = [CODE_DOC, PAGES['code']]
HIGHLIGHTER_SETS.each_with_index do |hopts, i|
  [{}, { 'input' => 'kramdown' }, { 'guess_lang' => false }].each_with_index do |mode, m|
    highlighter_docs.each_with_index do |doc, j|
      emit('highlighter_opts', format('%02d_%d_%d', i, m, j), doc,
           mode.merge('syntax_highlighter_opts' => Marshal.load(Marshal.dump(hopts))))
    end
  end
end

# 5. Random documents: block prefixes and span tokens in random order, to
# reach corners the hand-written snippets miss (seeded, so reproducible).
RAND_INLINE = ['word', 'text', 'Foo Bar', '*', '**', '_', '__', '`', '``', '[', ']', '(', ')', '](http://x.com)', '](u "t")', '<', '>', '!', '"', "'", '$$', '&amp;', '&', '&nbsp;', '~~', '{: .c}', '{:', '}', '#', '-', '--', '...', '<<', '>>', '\\', '  ', "\t", '<b>', '</b>', '<em>', '</em>', '<span class="x">', '</span>', '<br/>', '<br>', 'http://x.com', '<http://a.b>', '<a@b.c>', '[^1]', '[^n]', '[x]', '[X][]', '[y][x]', '![i](a.png)', ' ', ' ', ' ', 'é', '中文', '|', '\\|', ':', '=', '<!-- c -->', '{::comment}x{:/}', '1.', '^', "it's", '"q"', '*em*', '**st**', '_u_', '`c`', 'HTML', '<img src="a.png">', '<a href="x">l</a>', 'x^2', '$$x$$', '<kbd>k</kbd>']
RAND_PREFIX = ['', '', '', '', '', '    ', '  ', ' ', '   ', "\t", '# ', '## ', '###### ', '#', '> ', '>', '> > ', '- ', '* ', '+ ', '1. ', '2. ', '10. ', '  - ', '   - ', '    - ', '  1. ', '   1. ', '- - ', '> - ', '- > ', ': ', '  : ', '| ', '|', '```', '```ruby', '```python', '~~~', '---', '***', '* * *', '$$', '<div>', '</div>', '<div markdown="1">', '<div markdown="span">', '<details>', '</details>', '<summary>', '<p>', '</p>', '<table>', '<tr><td>', '</td></tr>', '</table>', '[x]: http://x.com', '[x]: <u v> "t"', '[^1]: note', '[^n]:', '*[HTML]: hyper', '{: .cls}', '{: #id}', '{:toc}', '{:a: .b}', '{: a}', '^', '===', '---', '- [ ] ', '- [x] ', '<!-- x -->', '{::nomarkdown}', '{:/}', '{::options parse_block_html="true" /}', '|---|---|', '|:--|--:|', '| a | b |']
def random_line(rng)
  b = RAND_PREFIX[rng.rand(RAND_PREFIX.size)]
  k = rng.rand(7)
  b + Array.new(k) { RAND_INLINE[rng.rand(RAND_INLINE.size)] }.join([' ', '', ' ', ' '][rng.rand(4)])
end
rng = Random.new(20241126)
RAND_MODES = [{}, { 'input' => 'kramdown' }, { 'parse_block_html' => true }, { 'hard_wrap' => true },
              { 'input' => 'kramdown', 'parse_block_html' => true }, { 'gfm_quirks' => [] }]
600.times do |i|
  lines = Array.new(1 + rng.rand(12)) { rng.rand(4) == 0 ? '' : random_line(rng) }
  src = lines.join("\n") + (rng.rand(5) == 0 ? '' : "\n")
  emit('random', format('%03d', i), src, RAND_MODES[i % RAND_MODES.size])
end

# 6. Jekyll's `smartify` filter (the SmartyPants converter), on snippet text.
smarty = Jekyll::Converters::SmartyPants.new(Jekyll::Configuration.from({}))
smarty_inputs = SNIPPETS['typography'] + SNIPPETS['entity'] + SNIPPETS['html'].first(12) + SNIPPETS['paragraph'] +
                ["Title: \"Quoted\" -- <em>it's</em>", "Tom & Jerry's \"show\"...", "<< a >> and \\<< b", "'Single' and \"double\"\n\nTwo lines"]
smarty_inputs.each_with_index do |src, i|
  dir = File.join(OUT, 'smartify')
  FileUtils.mkdir_p(dir)
  base = File.join(dir, format('%03d', i))
  File.write("#{base}.md", src)
  File.write("#{base}.html", smarty.convert(src))
  File.write("#{base}.opts", "input: SmartyPants\n")
  $count += 1
end

puts "#{$count} cases written to #{OUT}"
