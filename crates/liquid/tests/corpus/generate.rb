# Generates the differential Liquid corpus: templates plus data, rendered by
# Ruby Liquid 5.4 with Jekyll's settings (error_mode :warn, lax fallback,
# render! so runtime errors raise, strict variables/filters off).
#
#   TZ=UTC ruby crates/liquid/tests/corpus/generate.rb
#
# Writes crates/liquid/tests/corpus/cases.json. Every template here was
# written for this corpus.
require 'json'
require 'liquid'
require 'time'
require 'date'

HERE = File.dirname(__FILE__)

# Partials for include/render, served from memory.
PARTIALS = {
  'greet' => 'Hi {{ greet }}{{ who }}!',
  'item' => '[{{ item }}]',
  'vars' => '{{ a }}-{{ b }}-{{ c }}',
  'assigner' => '{% assign leaked = "yes" %}in',
  'loopy' => '{{ forloop.index }}/{{ forloop.length }}:{{ loopy }} ',
  'dir/nested' => 'nested:{{ nested }}',
  'counter' => '{% increment hits %}',
  'broken' => '{{ 1 | divided_by: 0 }}',
  'inc_in_render' => '{% include "item" %}',
  'recursive' => '{% include "recursive" %}',
  'outer_var' => 'o={{ outer }}',
  'cyc' => '{% cycle "a", "b" %}',
}

class MemoryFS
  def read_template_file(name)
    PARTIALS.fetch(name) { raise Liquid::FileSystemError, "No such template '#{name}'" }
  end
end
Liquid::Template.file_system = MemoryFS.new

DATA = {
  'main' => {
    's' => 'Hello World', 'e' => '', 'n' => nil, 't' => true, 'f' => false,
    'i' => 42, 'zero' => 0, 'neg' => -7, 'fl' => 3.14159, 'fl2' => 2.5, 'fz' => 0.1, 'fneg' => -2.75,
    'fint' => 5.0, 'big' => 9007199254740993, 'huge' => 1.0e20, 'tiny' => 0.00001,
    'u' => 'héllo wörld ÄÖÜ ß ΣΑΣ', 'emoji' => 'a😀b', 'ws' => "  padded \t\n", 'nl' => "a\nb\r\nc",
    'html' => '<p class="x">Hi & \'bye\'</p><script>alert(1)</script><!-- c --> <b>B</b>',
    'ent' => '&amp; &lt; & &#39; &copy',
    'words' => 'the quick  brown fox jumps over the lazy dog',
    'arr' => [3, 1, 2], 'sarr' => %w[b A c a B], 'mixed' => [1, 'a', nil, 2.5, true],
    'nums' => [10, 2.5, -3, 0], 'nested' => [[1, 2], [3, [4, nil]]], 'ea' => [], 'dup' => [1, 2, 1, '1', 2.0, 'a', 'a'],
    'h' => { 'a' => 1, 'b' => 'two', 'c' => nil, 'd' => [1, 2], 'size' => 'big' },
    'eh' => {}, 'hh' => { 'x' => { 'y' => { 'z' => 'deep' } } },
    'posts' => [
      { 'title' => 'Alpha', 'cat' => 'news', 'n' => 3, 'tags' => %w[a b], 'draft' => false },
      { 'title' => 'beta', 'cat' => 'blog', 'n' => 1, 'tags' => ['b'], 'draft' => true },
      { 'title' => 'Gamma', 'cat' => 'news', 'n' => 2, 'tags' => [] },
      { 'title' => 'delta', 'cat' => nil, 'n' => 10, 'tags' => %w[c] },
    ],
    'num_s' => '12', 'fl_s' => '3.70', 'neg_s' => '-4.5', 'junk_s' => '12abc', 'sp_s' => ' 7 ',
    'date_s' => '2024-01-05 10:20:30', 'date_iso' => '2024-03-09T08:07:06Z', 'date_off' => '2023-12-31 23:59:59 +0530',
    'date_txt' => 'March 5, 2024', 'epoch' => 1704412800, 'epoch_s' => '1704412800',
    'key' => 'b', 'idx' => 1, 'nidx' => -1, 'three' => 3, 'lim' => 2, 'off' => 1, 'sz' => 'size',
    'b64' => 'aGVsbG8gd29ybGQ=', 'b64u' => 'aGk_Pz8-', 'url' => 'a b&c=d/é?~', 'urle' => 'a+b%26c%3Dd%2F%C3%A9%3F~',
    'matrix' => [[1, 2], [3, 4]], 'hash_arr' => [{ 'a' => 1 }, { 'a' => 2 }, { 'b' => 3 }],
    'strnum' => %w[10 9 100 1], 'q' => 'say "hi"', 'amp' => 'a & b',
  },
}

srand(1234)
$cases = []

def add(template, data = 'main', mode = 'warn')
  $cases << [template, data, mode]
end

d = DATA['main']
VARS = d.keys

# --- Output of every value, and lookups -----------------------------------
VARS.each do |k|
  add("{{ #{k} }}")
  add("[{{ #{k}.size }}|{{ #{k}.first }}|{{ #{k}.last }}]")
end
%w[h.a h.b h.c h.d h.d[0] h.d.last h["a"] h['b'] h[key] h.size h.first h.nosuch hh.x.y.z hh["x"]["y"].z
   arr[0] arr[-1] arr[5] arr[idx] arr[nidx] arr.first arr["0"] posts[0].title posts.last.cat posts[1]["tags"].first
   s.size s[0] s.first u.size emoji.size i.size fl.size n.size t.size nested[1][1][0] matrix[1].last
   h[sz] arr[sz] posts.size posts[0].tags.size [key] ["s"] [nosuch] e.size ea.first eh.first huge tiny big
   fz fint fneg neg zero h.e.f
   (1..3) (1..n) (i..45) (3..1) (neg..zero) ("1".."3") (fl..5) (1...3)].each do |e|
  add("{{ #{e} }}")
end

# --- Literals and odd output markup (lax quirks) ---------------------------
ODD_MARKUP = ['{{ "str" }}', "{{ 'single' }}", '{{ 1 }}', '{{ -1 }}', '{{ 1.5 }}', '{{ -0.5 }}', '{{ 1.0 }}', '{{ 100000000000000000000 }}',
 '{{ 1.2.3 }}', '{{ 1..2 }}', '{{ nil }}', '{{ null }}', '{{ true }}', '{{ false }}', '{{ empty }}', '{{ blank }}',
 '{{ }}', '{{}}', '{{ "a" "b" }}', '{{ s s }}', '{{ s | }}', '{{ s || upcase }}', '{{ s | upcase upcase }}',
 '{{ s |upcase|downcase }}', '{{s|upcase}}', '{{ "a,b" }}', '{{ a-b }}', '{{ h.a-b }}', '{{ s!!! }}',
 '{{ "unterminated }}', "{{ 'x' | append: \"y\" }}", '{{ s | append: }}', '{{ s | append: , "x" }}',
 '{{ s | nosuchfilter }}', '{{ s | nosuchfilter: 1, 2 }}', '{{ 5 | plus: 1 2 }}', '{{ s | upcase: }}',
 '{{ s | truncate: 5 "!!" }}', '{{ s | slice: 1, }}', '{{ 1 | plus: "2" | times: 3 }}', '{{ s.size | plus: 1 }}',
 '{{ [s] }}', '{{ ["s"] }}', '{{ h[ "a" ] }}', '{{ arr[ 0 ] }}', '{{ h["a"]["b"] }}', '{{ s.upcase }}',
 '{{ posts[0]["title"] | upcase }}', '{{ -s }}', '{{ s- }}', '{{ (1..3) | join: "," }}', '{{ 3..5 }}',
 '{{ "a" | default: "b" | upcase }}', '{{ s | split: " " | first }}', '{{ x | default: 5 | plus: 1 }}',
 '{{- s -}}', '{{-s-}}', 'a {{- s }} b', 'a {{ s -}} b', "a\n  {{- s -}}\n  b", '{{ s | append: "-}}" }}',
 '{{ "{{" }}', '{{ "}}" }}', '{{ s } }}', '{{ s }', 'x {{ s', 'x {% if true', '{% %}', '{%%}', '{% - %}',
 '{{ s | default: n, allow_false: true }}', '{{ s|slice:0,3 }}', '{{ s | slice: 0 , 3 }}', '{{ i|plus:1|minus:2 }}',
 '{{ h | where: "a" }}', '{{ "€" | size }}', '{{ s | upcase | | downcase }}', '{{ s | : upcase }}',
 '{{ 007 }}', '{{ 1e3 }}', '{{ 0x10 }}', '{{ +5 }}', '{{ -0 }}', '{{ 0.0 }}', '{{ -0.0 }}', '{{ 12345678901234567890 }}',
 '{{ 1.23456789012345678 }}', '{{ 0.1 | plus: 0.2 }}', '{{ 1e-5 }}', "{{ 'it''s' }}", '{{ "a\\nb" }}']
ODD_MARKUP.each { |t| add(t) }

# --- Filters over many inputs ----------------------------------------------
INPUTS = %w[s e n t i zero neg fl fl2 fz fint fneg u ws html arr sarr mixed nums nested ea dup h eh posts
            num_s fl_s neg_s junk_s sp_s nosuch big huge tiny emoji strnum hash_arr matrix]
FILTERS = {
  'size' => [''], 'downcase' => [''], 'upcase' => [''], 'capitalize' => [''], 'escape' => [''], 'h' => [''],
  'escape_once' => [''], 'url_encode' => [''], 'url_decode' => [''], 'base64_encode' => [''], 'base64_decode' => [''],
  'base64_url_safe_encode' => [''], 'base64_url_safe_decode' => [''],
  'slice' => [': 1', ': -3, 2', ': 0, 100', ': 10', ': "1"', ': 1.5', ': nil'],
  'truncate' => ['', ': 5', ': 5, "!"', ': 0', ': -1', ': 3, ""', ': 20, "…"', ': "x"'],
  'truncatewords' => ['', ': 2', ': 0', ': -2', ': 3, "--"', ': 1, ""', ': 100'],
  'split' => [': " "', ': ""', ': "l"', ': ","', ': nil', ': 1'],
  'strip' => [''], 'lstrip' => [''], 'rstrip' => [''], 'strip_html' => [''], 'strip_newlines' => [''],
  'newline_to_br' => [''],
  'join' => ['', ': "-"', ': nil', ': 1'],
  'sort' => ['', ': "n"', ': "title"', ': "nosuch"'],
  'sort_natural' => ['', ': "title"', ': "cat"'],
  'where' => [': "cat", "news"', ': "draft"', ': "cat"', ': "n", 1', ': "a", 1', ': "title", "beta"'],
  'uniq' => ['', ': "cat"', ': "a"'],
  'reverse' => [''], 'compact' => ['', ': "cat"', ': "a"'],
  'map' => [': "title"', ': "a"', ': "to_liquid"', ': "size"', ': nil'],
  'concat' => [': arr', ': ea', ': s', ': posts'],
  'replace' => [': "l", "L"', ': "o"', ': "", "-"', ': "l", "\\\\0\\\\0"', ': nil, "x"'],
  'replace_first' => [': "l", "L"', ': "", "^"'],
  'replace_last' => [': "l", "L"', ': "o", ""', ': "zz", "y"'],
  'remove' => [': "l"', ': ""'], 'remove_first' => [': "l"'], 'remove_last' => [': "l"'],
  'append' => [': "!"', ': i', ': n', ': arr'], 'prepend' => [': "!"', ': fl'],
  'first' => [''], 'last' => [''],
  'abs' => [''], 'plus' => [': 1', ': 0.5', ': "2"', ': fl', ': n', ': "1.25"'],
  'minus' => [': 1', ': 0.1', ': neg'], 'times' => [': 2', ': 1.1', ': "3"', ': fl2'],
  'divided_by' => [': 2', ': 2.0', ': 0', ': 0.0', ': -3', ': "4"', ': fl'],
  'modulo' => [': 3', ': -3', ': 0', ': 0.4', ': 2.5'],
  'round' => ['', ': 2', ': 1', ': -1', ': 0', ': "1"', ': 0.0'],
  'ceil' => [''], 'floor' => [''], 'at_least' => [': 5', ': 3.5', ': "10"'], 'at_most' => [': 5', ': 3.5', ': -10'],
  'default' => ['', ': "dflt"', ': "dflt", allow_false: true', ': allow_false: true', ': 0, allow_false: false'],
  'date' => [': "%Y-%m-%d"', ': ""', ': nil'],
}
FILTERS.each do |f, args|
  args.each do |a|
    INPUTS.each do |inp|
      next if f == 'date' && inp == 'junk_s' # read relative to today
      add("{{ #{inp} | #{f}#{a} }}")
    end
  end
end
# Arity errors.
%w[upcase size abs first].each { |f| add("{{ s | #{f}: 1 }}") }
%w[plus append split replace_last date where concat map].each { |f| add("{{ s | #{f} }}") }
add('{{ s | slice: 1, 2, 3 }}'); add('{{ s | truncate: 1, 2, 3 }}'); add('{{ s | default: 1, 2, 3 }}')

# --- Dates -----------------------------------------------------------------
# Strings Ruby reads relative to today (like '12abc') are left out.
DATE_INPUTS = %w[date_s date_iso date_off date_txt epoch epoch_s s e n i fl arr] +
              ['"2024-02-29"', '"2024-02-30"', '"2024-13-01"', '"Jan 5, 2024 3pm"', '"5 January 2024 14:05"',
               '"Fri, 05 Jan 2024 10:00:00 +0000"', '"2024/01/05 10:20"', '"25/12/2024"', '"05.01.2024"', '"20240105"',
               '"2024-01-05T10:00:00.123456+05:30"', '"24-01-05"', '"1999-12-31 23:59:59 -0800"', '"not a date"',
               '"2024-01-05 10:00 pst"', '"March 5th, 2024 10:00 PM"', '"0"', '"1"', '1704412800', '0']
DATE_FORMATS = ['%Y-%m-%d %H:%M:%S %z', '%a %A %b %B %h %c', '%d %e %j %m %y %C %G %g %V %U %W %u %w',
                '%I %l %p %P %k %H', '%L %N %3N %6N %s', '%Z %z %:z %::z', '%D %F %T %R %r %x %X %v',
                '%-d %-m %_m %02e %5Y %^a %^B %#p %#a %-I', '%%Y %n%t %Q %E %Oy %:y %10A %-10A %010z', 'plain']
DATE_INPUTS.each do |inp|
  DATE_FORMATS.each { |fmt| add("{{ #{inp} | date: \"#{fmt}\" }}") }
end

# --- Operators and conditions ----------------------------------------------
OPERANDS = %w[1 2 1.0 "1" "a" "abc" s e n t f arr ea h eh nosuch empty blank nil neg fl (1..3) mixed]
OPS = ['==', '!=', '<>', '<', '>', '<=', '>=', 'contains']
OPS.each do |op|
  OPERANDS.each do |a|
    OPERANDS.each do |b|
      next if rand < 0.55 && !(a == b || %w[empty blank nil].include?(a) || %w[empty blank nil].include?(b))
      add("{% if #{a} #{op} #{b} %}T{% else %}F{% endif %}")
    end
  end
end

# --- Tag templates -----------------------------------------------------------
TAGS = <<~'LIQ'.split("\n====\n")
{% if t %}yes{% endif %}
====
{% if f %}yes{% else %}no{% endif %}
====
{% if n %}a{% elsif i > 40 %}b{% else %}c{% endif %}
====
{% if e %}empty-truthy{% endif %}
====
{% if ea %}arr-truthy{% endif %}
====
{% if zero %}zero-truthy{% endif %}
====
{% unless t %}a{% else %}b{% endunless %}
====
{% unless f %}a{% elsif t %}b{% endunless %}
====
{% unless n %}nil{% endunless %}
====
{% if t and f %}A{% elsif t or f %}B{% endif %}
====
{% if f and f or t %}yes{% else %}no{% endif %}
====
{% if t or f and f %}yes{% else %}no{% endif %}
====
{% if t and t and f or t %}yes{% else %}no{% endif %}
====
{% if f or f or f and t %}yes{% else %}no{% endif %}
====
{% if i==42 %}eq{% else %}ne{% endif %}
====
{% if i ==42 %}eq{% else %}ne{% endif %}
====
{% if s contains "World" %}c{% endif %}
====
{% if arr contains 2 %}c{% endif %}
====
{% if arr contains "2" %}c{% else %}nc{% endif %}
====
{% if h contains "a" %}c{% else %}nc{% endif %}
====
{% if s == "Hello World" and i > 1 %}ok{% endif %}
====
{% if "a" == 'a' %}q{% endif %}
====
{% if s %}{% if i %}{% if t %}deep{% endif %}{% endif %}{% endif %}
====
{% if %}x{% endif %}
====
{% if t %}x{% elsif %}y{% endif %}
====
{% if t %}x{% else junk %}y{% endif %}
====
{% if t %}x{% else %}y{% else %}z{% endif %}
====
{% if f %}x{% else %}y{% elsif t %}z{% endif %}
====
{% if t %}x
====
{% if t %}x{% endunless %}
====
{% endif %}
====
{% else %}
====
{% if t = 1 %}x{% endif %}
====
{% if t === 1 %}x{% else %}y{% endif %}
====
{% if 1 =< 2 %}x{% else %}y{% endif %}
====
{% if i > "1" %}x{% endif %}
====
{% if "1" < 2 %}x{% endif %}
====
{% if arr < 2 %}x{% else %}y{% endif %}
====
{% if n < 2 %}x{% else %}y{% endif %}
====
{% if h > 1 %}x{% else %}y{% endif %}
====
{% if t and %}x{% else %}y{% endif %}
====
{% if and t %}x{% else %}y{% endif %}
====
{% if t xor f %}x{% else %}y{% endif %}
====
{% if t AND f %}x{% else %}y{% endif %}
====
{% if t or1 f %}x{% else %}y{% endif %}
====
{% if s contains %}x{% else %}y{% endif %}
====
{% if (1..5) contains 3 %}x{% else %}y{% endif %}
====
{% if s == empty %}x{% else %}y{% endif %}
====
{% if e == empty %}x{% else %}y{% endif %}
====
{% if ea == empty %}x{% else %}y{% endif %}
====
{% if eh == empty %}x{% else %}y{% endif %}
====
{% if n == empty %}x{% else %}y{% endif %}
====
{% if empty == e %}x{% else %}y{% endif %}
====
{% if e == blank %}x{% else %}y{% endif %}
====
{% if e != blank %}x{% else %}y{% endif %}
====
{% if ws == blank %}x{% else %}y{% endif %}
====
{% if e != empty %}x{% else %}y{% endif %}
====
{% if empty %}x{% else %}y{% endif %}
====
{% if blank %}x{% else %}y{% endif %}
====
{% if nil == null %}x{% else %}y{% endif %}
====
{% if nosuch == nil %}x{% else %}y{% endif %}
====
{% if 1 == 1.0 %}x{% else %}y{% endif %}
====
{% if fint == 5 %}x{% else %}y{% endif %}
====
{% if h.c == nil %}x{% else %}y{% endif %}
====
{% if posts[0].tags contains "a" %}x{% else %}y{% endif %}
====
{% if s contains nil %}x{% else %}y{% endif %}
====
{% if 5 contains 5 %}x{% else %}y{% endif %}
====
{% if "abc" contains "" %}x{% else %}y{% endif %}
====
{% if i contains 4 %}x{% else %}y{% endif %}
====
{% if "42" contains i %}x{% else %}y{% endif %}
====
{% case i %}{% when 1 %}one{% when 42 %}answer{% else %}other{% endcase %}
====
{% case s %}{% when "x", "Hello World" %}hit{% endcase %}
====
{% case i %}{% when 1 or 42 %}hit{% else %}miss{% endcase %}
====
{% case i %}{% when 42 %}a{% when 42 %}b{% else %}c{% endcase %}
====
{% case i %}{% when 1 %}a{% else %}b{% else %}c{% endcase %}
====
{% case i %}{% else %}b{% when 42 %}c{% endcase %}
====
{% case i %}{% when 1,2, 42 %}in{% endcase %}
====
{% case n %}{% when nil %}nil!{% endcase %}
====
{% case e %}{% when empty %}empty!{% else %}no{% endcase %}
====
{% case ea %}{% when empty %}empty!{% else %}no{% endcase %}
====
{% case i %}  {% when 42 %} x {% endcase %}
====
{% case i %}
  {% when 42 %}
  {% assign r = 1 %}
{% endcase %}[{{ r }}]
====
{% case %}{% when 1 %}x{% endcase %}
====
{% case i %}{% when %}x{% endcase %}
====
{% case i %}{% when 42 %}x{% else y %}z{% endcase %}
====
{% case i %}{% when 42 %}x{% elsif %}z{% endcase %}
====
{% case i %}{% when 42 %}x
====
{% case i %}{% when "42" %}str{% when 42.0 %}float{% endcase %}
====
{% case i %}{% when 42 or %}x{% endcase %}
====
{% case h.a %}{% when 1 %}one{% endcase %}
====
{% for x in arr %}{{ x }}{% endfor %}
====
{% for x in arr reversed %}{{ x }}{% endfor %}
====
{% for x in arr limit:2 %}{{ x }}{% endfor %}
====
{% for x in arr offset:1 %}{{ x }}{% endfor %}
====
{% for x in arr limit: 1 offset: 1 %}{{ x }}{% endfor %}
====
{% for x in arr limit:lim offset:off %}{{ x }}{% endfor %}
====
{% for x in arr reversed limit:2 %}{{ x }}{% endfor %}
====
{% for x in arr limit:2 reversed %}{{ x }}{% endfor %}
====
{% for x in arr offset:5 %}{{ x }}{% else %}none{% endfor %}
====
{% for x in arr limit:0 %}{{ x }}{% else %}none{% endfor %}
====
{% for x in arr limit:-1 %}{{ x }}{% else %}none{% endfor %}
====
{% for x in arr offset:-1 %}{{ x }}{% endfor %}
====
{% for x in arr limit:"2" %}{{ x }}{% endfor %}
====
{% for x in arr limit:1.5 %}{{ x }}{% endfor %}
====
{% for x in arr limit:n %}{{ x }}{% endfor %}
====
{% for x in arr offset:s %}{{ x }}{% endfor %}
====
{% for x in (1..5) limit:2 %}{{ x }}{% endfor %}{% for x in (1..5) offset:continue %}{{ x }}{% endfor %}
====
{% for x in arr limit:1 %}{{ x }}{% endfor %}|{% for x in arr offset:continue limit:1 %}{{ x }}{% endfor %}|{% for x in arr offset:continue %}{{ x }}{% endfor %}|{% for x in arr offset:continue %}{{ x }}{% else %}done{% endfor %}
====
{% for x in (1..3) %}{{ x }}{% endfor %}
====
{% for x in (3..1) %}{{ x }}{% else %}empty{% endfor %}
====
{% for x in (neg..zero) %}{{ x }},{% endfor %}
====
{% for x in (1..three) %}{{ x }}{% endfor %}
====
{% for x in (1..num_s) %}{{ x }}{% endfor %}
====
{% for x in (1..fl) %}{{ x }}{% endfor %}
====
{% for x in (1..nosuch) %}{{ x }}{% else %}e{% endfor %}
====
{% for x in (fl..4) %}{{ x }}{% endfor %}
====
{% for x in ("a".."c") %}{{ x }}{% endfor %}
====
{% for x in h %}{{ x[0] }}={{ x[1] }};{% endfor %}
====
{% for x in h %}{{ x }}{% endfor %}
====
{% for x in eh %}{{ x }}{% else %}none{% endfor %}
====
{% for x in s %}[{{ x }}]{% endfor %}
====
{% for x in e %}[{{ x }}]{% else %}empty{% endfor %}
====
{% for x in s limit:0 %}[{{ x }}]{% endfor %}
====
{% for x in n %}[{{ x }}]{% else %}nil{% endfor %}
====
{% for x in i %}[{{ x }}]{% else %}int{% endfor %}
====
{% for x in nested %}{{ x }};{% endfor %}
====
{% for x in mixed %}{{ forloop.index }}:{{ x }} {% endfor %}
====
{% for x in arr %}{{ forloop.index0 }}{{ forloop.rindex }}{{ forloop.rindex0 }}{{ forloop.first }}{{ forloop.last }}{{ forloop.length }} {% endfor %}
====
{% for x in arr %}{{ forloop.name }}{% endfor %}
====
{% for x in (1..2) %}{% for y in (1..2) %}{{ forloop.parentloop.index }}{{ forloop.index }} {% endfor %}{% endfor %}
====
{% for x in arr %}{{ forloop.parentloop.index }}|{% endfor %}
====
{% for x in arr %}{% if x == 1 %}{% break %}{% endif %}{{ x }}{% endfor %}
====
{% for x in arr %}{% if x == 1 %}{% continue %}{% endif %}{{ x }}{% endfor %}
====
{% for x in (1..3) %}{% for y in (1..3) %}{% if y == 2 %}{% break %}{% endif %}{{ x }}{{ y }} {% endfor %}{% endfor %}
====
{% for x in arr %}{{ x }}{% break %}after{% endfor %}
====
a{% break %}b
====
a{% continue %}b{{ s }}
====
{% if t %}a{% break %}b{% endif %}c
====
{% for x in arr %}{% assign last = x %}{% endfor %}{{ last }}{{ x }}
====
{% assign x = "outer" %}{% for x in arr %}{% endfor %}{{ x }}
====
{% for x in arr %}{{ forloop.index }}{% endfor %}{{ forloop.index }}
====
{% for x %}{% endfor %}
====
{% for x arr %}{% endfor %}
====
{% for in arr %}{% endfor %}
====
{% for x in %}{% endfor %}
====
{% for x in arr %}{{ x }}
====
{% for x in arr %}{% else %}{% else %}{% endfor %}
====
{% for x in arr %}{% elsif %}{% endfor %}
====
{% for x in arr junk %}{{ x }}{% endfor %}
====
{% for x in arr limit: 2, offset: 1 %}{{ x }}{% endfor %}
====
{% for x in arr limit=2 %}{{ x }}{% endfor %}
====
{% for x in arr reversed offset:1 %}{{ x }}{% endfor %}
====
{% for x-y in arr %}{{ x-y }}{% endfor %}
====
{% for x in posts %}{{ x.title }}{% if forloop.last %}.{% else %}, {% endif %}{% endfor %}
====
{% for p in posts %}{% for t in p.tags %}{{ t }}{% endfor %}|{% endfor %}
====
{% for x in sarr %}{% cycle "o", "e" %}{% endfor %}
====
{% for x in sarr %}{% cycle 'g1': "a", "b", "c" %}{% cycle 'g2': 1, 2 %}{% endfor %}
====
{% cycle "a", "b" %}{% cycle "a", "b" %}{% cycle "a", "b", "c" %}{% cycle "a", "b" %}
====
{% cycle s, i %}{% cycle s, i %}{% cycle s, i %}
====
{% cycle g: s, i %}{% cycle g: s, i %}{% cycle g: s, i %}
====
{% cycle %}
====
{% cycle "a" %}{% cycle "a" %}
====
{% cycle arr, h %}
====
{% cycle 'x':'a','b' %}{% cycle 'x':'a','b' %}
====
{% cycle "a,b", "c" %}{% cycle "a,b", "c" %}{% cycle "a,b", "c" %}
====
{% cycle g:'a','b' %}{% cycle g:'a','b' %}
====
{% cycle nosuch: 1, 2 %}{% cycle nosuch: 1, 2 %}
====
{% tablerow x in arr %}{{ x }}{% endtablerow %}
====
{% tablerow x in arr cols:2 %}{{ x }}{% endtablerow %}
====
{% tablerow x in sarr cols:2 limit:3 offset:1 %}{{ tablerowloop.index }}{{ tablerowloop.col }}{{ tablerowloop.row }}{{ tablerowloop.col_first }}{{ tablerowloop.col_last }}{{ tablerowloop.first }}{{ tablerowloop.last }}{{ tablerowloop.rindex }}{{ tablerowloop.col0 }}{{ tablerowloop.length }}{% endtablerow %}
====
{% tablerow x in ea %}{{ x }}{% endtablerow %}
====
{% tablerow x in n %}{{ x }}{% endtablerow %}
====
{% tablerow x in s %}{{ x }}{% endtablerow %}
====
{% tablerow x in (1..4) cols:3 %}{{ x }}{% endtablerow %}
====
{% tablerow x in h cols:1 %}{{ x }}{% endtablerow %}
====
{% tablerow x in arr cols:"2" %}{{ x }}{% endtablerow %}
====
{% tablerow x in arr cols:lim %}{{ x }}{% break %}{{ x }}{% endtablerow %}
====
{% tablerow x arr %}{{ x }}{% endtablerow %}
====
{% tablerow x in arr cols:2 %}{{ x }}
====
{% assign x = 5 %}{{ x }}
====
{% assign x = s | upcase | split: " " %}{{ x | join: "+" }}
====
{% assign x = arr %}{{ x.size }}
====
{% assign x=1 %}{{ x }}
====
{% assign x = %}[{{ x }}]
====
{% assign = 5 %}
====
{% assign x %}
====
{% assign x.y = 5 %}{{ x.y }}|{{ x }}
====
{% assign x[0] = 5 %}{{ x[0] }}
====
{% assign (x) = 5 %}[{{ x }}]
====
{% assign 1x = 5 %}{{ 1x }}
====
{% assign x = 1 %}{% assign x = x | plus: 1 %}{{ x }}
====
{% assign s = "shadow" %}{{ s }}
====
{% assign x = "a" "b" %}{{ x }}
====
{% assign x = nosuch %}[{{ x }}]
====
{% assign x = (1..3) %}{{ x }}|{% for i in x %}{{ i }}{% endfor %}
====
{% assign x = h %}{{ x.b }}
====
{% assign x = 1 | divided_by: 0 %}
====
{% assign x == 5 %}{{ x }}
====
{% assign x = 5 junk %}{{ x }}
====
{% capture c %}in {{ s }}{% endcapture %}[{{ c }}]
====
{% capture c %}{% endcapture %}[{{ c }}]{% if c == empty %}E{% endif %}
====
{% capture %}x{% endcapture %}
====
{% capture c.d %}x{% endcapture %}{{ c.d }}
====
{% capture c %}x
====
{% capture 'c' %}x{% endcapture %}[{{ c }}]
====
{% capture c %}{% capture d %}inner{% endcapture %}outer{% endcapture %}{{ c }}|{{ d }}
====
{% for x in arr %}{% capture c %}{{ c }}{{ x }}{% endcapture %}{% endfor %}{{ c }}
====
{% increment a %}{% increment a %}{% increment b %}{% decrement a %}{{ a }}
====
{% decrement d %}{% decrement d %}{{ d }}
====
{% assign a = 10 %}{% increment a %}{{ a }}{% increment a %}
====
{% increment i %}{% increment i %}{{ i }}
====
{% increment s %}
====
{% increment fl %}{% decrement fl %}
====
{% increment %}{% increment %}
====
{% increment a %}{% decrement a %}{% decrement a %}{% increment a %}
====
{% ifchanged %}{{ i }}{% endifchanged %}{% ifchanged %}{{ i }}{% endifchanged %}{% ifchanged %}x{% endifchanged %}
====
{% for x in dup %}{% ifchanged %}{{ x }}{% endifchanged %}{% endfor %}
====
{% raw %}{{ s }}{% if %}{% endraw %}
====
{% raw %}{% raw %}{% endraw %}
====
{% raw %}a{%- endraw %}b
====
{% raw %}a{% endraw -%}  b
====
{% raw -%}  a  {% endraw %}  b
====
{% raw x %}a{% endraw %}
====
{% raw %}unclosed
====
{% raw %}{{ x {% endraw %}
====
{% raw %}a{%endraw%}b
====
{% raw %}{% endraw junk %}c
====
{% raw %}{% endrawx %}{% endraw %}
====
a{% comment %}{{ s }}{% if %}{% endcomment %}b
====
{% comment %}{% if t %}{% endcomment %}{% endif %}{% endcomment %}x
====
{% comment %}{% raw %}{% endcomment %}{% endraw %}{% endcomment %}y
====
{% comment %}{% nosuchtag %}{% endcomment %}z
====
{% comment %}{{ unterminated {% endcomment %}
====
{% comment %}x
====
{% comment %}{% comment %}{% endcomment %}{% endcomment %}ok
====
{% comment %}{% else %}{% endcomment %}ok
====
{% # inline comment %}x
====
{%# no space %}x
====
{% # line one
   # line two %}x
====
{% # line one
   line two %}x
====
{% echo s %}
====
{% echo s | upcase | append: "!" %}
====
{% echo %}
====
{% echo 'a' 'b' %}
====
{% liquid
  assign x = 5
  if x > 3
    echo "big"
  else
    echo "small"
  endif
  for i in (1..3)
    echo i
  endfor
%}
====
{% liquid assign y = "one" %}{{ y }}
====
{% liquid
  # a comment
  echo s | downcase
%}
====
{% liquid
  case i
    when 42
      echo "yes"
  endcase
%}
====
{% liquid
  if t
    echo "x"
%}
====
{% liquid
  nosuchtag
%}
====
{% liquid
  endif
%}
====
{% liquid
  else
%}
====
{% liquid %}x
====
{% liquid
  capture c
    echo "cap"
  endcapture
  echo c | upcase
%}
====
{% liquid
  raw
  x
  endraw
%}
====
{% liquid liquid echo 1 %}
====
{% liquid
  for x in arr
    cycle "a", "b"
  endfor
%}
====
{% include "greet" %}
====
{% include "greet" with "X" %}
====
{% include 'greet' who: "you" %}
====
{% include "greet", who: "you" %}
====
{% include "item" for arr %}
====
{% include "item" with arr %}
====
{% include "item" with h %}
====
{% include "item" for h %}
====
{% include "greet" with s as who %}
====
{% include "vars" a: 1, b: s, c: arr %}
====
{% include "vars" a: 1 b: 2 %}
====
{% include "assigner" %}{{ leaked }}
====
{% include "loopy" for arr %}
====
{% include "dir/nested" with "N" %}
====
{% include "counter" %}{% include "counter" %}{{ hits }}
====
{% include "missing" %}
====
{% include "broken" %}
====
{% include nosuch %}
====
{% include %}
====
{% include s %}
====
{% include 5 %}
====
{% assign tpl = "item" %}{% include tpl %}
====
{% include "recursive" %}
====
{% include "item" with nosuch %}[]
====
{% assign item = "preset" %}{% include "item" %}
====
{% render "greet" %}
====
{% render "greet" with "X" %}
====
{% render "greet", who: "you" %}
====
{% render "greet" who: s %}
====
{% render "item" for arr %}
====
{% render "item" with arr %}
====
{% render "item" for arr as thing %}
====
{% render "loopy" for arr %}
====
{% render "loopy" for h %}
====
{% render "loopy" for (1..3) %}
====
{% render "outer_var" %}
====
{% assign outer = 1 %}{% render "outer_var" %}
====
{% render "outer_var", outer: s %}
====
{% render "assigner" %}[{{ leaked }}]
====
{% render "counter" %}{% render "counter" %}{% increment hits %}
====
{% render "inc_in_render" %}
====
{% render tpl %}
====
{% render %}
====
{% render "missing" %}
====
{% render "broken" %}
====
{% render "cyc" %}{% render "cyc" %}{% cycle "a", "b" %}
====
{% render 'item' with s as item %}
====
{% nosuchtag %}
====
{% endfor %}
====
{% end %}
====
{% when %}
====
{% elsif %}
====
a {%- if t -%} b {%- endif -%} c
====
a {%- if f -%} b {%- endif -%} c
====
a
  {%- for x in arr -%}
    {{ x }}
  {%- endfor -%}
b
====
{% if t %}
  {% assign z = 1 %}
{% endif %}|
====
{% if t %}   {% endif %}|
====
{% if t %} x {% endif %}|
====
{% if f %}  {% else %}   {% endif %}|
====
{% for x in arr %}
{% endfor %}|
====
{% for x in arr %}
{% assign y = x %}
{% endfor %}|{{ y }}
====
{% for x in arr %} {% comment %}c{% endcomment %} {% endfor %}|
====
{% for x in arr %} {% capture c %}z{% endcapture %} {% endfor %}|
====
{% unless f %}

{% endunless %}|
====
{% case i %}
{% when 42 %}
{% endcase %}|
====
{% if t %} {% if t %} {% endif %} {% endif %}|
====
{% if t %} {% raw %}{% endraw %} {% endif %}|
====
{% if t %} {% raw %}x{% endraw %} {% endif %}|
====
{% if t %} {% increment q %} {% endif %}|
====
{% if t %} {% echo "" %} {% endif %}|
====
{% if t %} {{ "" }} {% endif %}|
====
{% if t %} {% cycle "" %} {% endif %}|
====
{% ifchanged %} {% endifchanged %}|
====
{% tablerow x in arr %} {% endtablerow %}|
====
{% for x in arr %} {% if t %} {% endif %} {% endfor %}|
====
{% for x in arr %} {% break %} {% endfor %}|
====
{% if t %} {% include "assigner" %} {% endif %}|
====
 {%- assign x = 1 -%} 
 {{- x -}} 
====
{{ s }}   {{- s }}
====
{{ s -}}   
  {{ s }}
====
{%- if t -%}
  t
{%- endif -%}
====
{% if t -%}{% raw %}  r{% endraw %}{% endif %}
====
{{ s | append: "%}" }}
====
{% assign x = "{% if %}" %}{{ x }}
====
{{ "{% raw %}" }}
====
{% if "%}" == "%}" %}x{% endif %}
LIQ
TAGS.each { |t| add(t) }
# The same odd markup and tags in the other error modes (hyde liquid --error-mode).
%w[lax strict].each do |mode|
  (ODD_MARKUP + TAGS).each { |t| add(t, 'main', mode) }
end

# --- Arithmetic on floats and strings (BigDecimal semantics) ---------------
NUMS = %w[0 1 -1 3 0.1 0.2 0.3 1.5 -2.5 2.675 1e3 10.0 0.125 7 "2.50" "-0.5" "abc" "3x" nil 1.005 123456.789 0.000123]
%w[plus minus times divided_by modulo at_least at_most].each do |f|
  NUMS.each do |a|
    NUMS.each do |b|
      next if rand < 0.75
      add("{{ #{a} | #{f}: #{b} }}")
    end
  end
end
NUMS.each do |a|
  ['', ': 1', ': 2', ': -1', ': 3'].each { |r| add("{{ #{a} | round#{r} }}") }
  %w[ceil floor abs].each { |f| add("{{ #{a} | #{f} }}") }
end

# --- Lookups with unusual keys -------------------------------------------------
DATA['keys'] = {
  'h' => { 'a b' => 1, 'a-b' => 2, 'a_b' => 3, '1' => 'one', 'nil' => 'k', 'true' => 't', 'size' => 9, 'first' => 'f', 'é' => 'acc', '' => 'blank' },
  'a' => { 'b-c' => 'dash', 'b' => { 'c' => 'deep' } }, 'list' => [[1, 2], { 'x' => 'y' }, 'str', nil, 5],
  'k' => 'a b', 'one' => 1, 'neg' => -1, 'strs' => %w[x y z],
}
['{{ h["a b"] }}', '{{ h[k] }}', '{{ h.a-b }}', '{{ h["a-b"] }}', '{{ h.a_b }}', '{{ h["1"] }}', '{{ h[1] }}',
 '{{ h.nil }}', '{{ h["nil"] }}', '{{ h[nil] }}', '{{ h.true }}', '{{ h.size }}', '{{ h["size"] }}', '{{ h.first }}',
 '{{ h.é }}', '{{ h[""] }}', '{{ a.b-c }}', '{{ a.b.c }}', '{{ a["b"]["c"] }}', '{{ a.b["c"] }}', '{{ list[0][1] }}',
 '{{ list[1].x }}', '{{ list[2].size }}', '{{ list[3].size }}', '{{ list[4].size }}', '{{ list[one] }}', '{{ list[neg] }}',
 '{{ list[-5] }}', '{{ list[-6] }}', '{{ strs[one] }}', '{{ strs.last }}', '{{ strs[strs.size] }}', '{{ list.size }}',
 '{{ list | size }}', '{{ list.first.first }}', '{{ h .a_b }}', '{{ h. a_b }}', '{{ h[ "a_b" ] }}', '{{ a . b . c }}',
 '{{ a.b.c.d.e }}', '{{ h["a_b"].size }}', '{{ strs.first.size }}', '{{ [k] }}', '{{ ["k"] }}', '{{ [[k]] }}'].each { |t| add(t, 'keys') }

# --- More tag combinations -----------------------------------------------------
<<~'LIQ'.split("\n====\n").each { |t| add(t) }
{% for p in posts %}{% include "item" with p.title %}{% endfor %}
====
{% for p in posts limit: 2 %}{% include "loopy" %}{% endfor %}
====
{% for x in arr %}{% render "loopy" %}{% endfor %}
====
{% include "item" for posts as item %}
====
{% include "vars" with s as a %}
====
{% assign list = "c,a,b" | split: "," | sort %}{% for x in list %}{{ x }}{% endfor %}
====
{% assign sorted = posts | sort: "n" %}{{ sorted | map: "title" | join: "," }}
====
{% assign sorted = posts | sort: "cat" %}{{ sorted | map: "title" | join: "," }}
====
{% assign sorted = posts | sort_natural: "title" %}{{ sorted | map: "title" | join: "," }}
====
{% assign w = posts | where: "cat", "news" | map: "n" %}{{ w | join: "+" }}={{ w | sum }}
====
{{ posts | map: "tags" | join: "," }}
====
{{ posts | map: "tags" | uniq | join: "," }}
====
{{ posts | where: "draft", false | size }}
====
{{ posts | where: "draft", true | map: "title" }}
====
{{ posts | map: "title" | sort | first }}
====
{{ posts | first | map: "title" }}
====
{{ nested | flatten }}
====
{{ nested | join: "-" }}
====
{{ nested | size }}
====
{{ nested | first | last }}
====
{{ h | map: "a" }}
====
{{ h | first }}
====
{{ h | last }}
====
{{ h | size }}
====
{{ h | join }}
====
{{ h | sort }}
====
{{ h | reverse }}
====
{{ h | where: "a" }}
====
{{ h | where: "a", 1 }}
====
{{ s | where: "e" }}
====
{{ s | map: "l" }}
====
{{ (1..4) | map: "x" }}
====
{{ (1..4) | reverse | join }}
====
{{ (1..4) | sort | last }}
====
{{ (1..4) | size }}
====
{{ (1..4) | first }}
====
{{ (1..4) | concat: arr | join: "," }}
====
{{ arr | concat: (1..2) }}
====
{{ u | upcase }}|{{ u | downcase }}|{{ u | capitalize }}|{{ u | size }}|{{ u | slice: -3, 2 }}|{{ u | truncate: 8 }}|{{ u | reverse }}
====
{{ emoji | slice: 1 }}|{{ emoji | truncate: 2, "" }}|{{ emoji | split: "" | join: "," }}|{{ emoji | url_encode }}|{{ emoji | base64_encode }}
====
{{ "ǆemo" | capitalize }}|{{ "ß" | upcase }}|{{ "İ" | downcase }}|{{ "ﬁ" | upcase }}
====
{{ "  a  b  " | split: " " | size }}|{{ "a,b,,c,," | split: "," | size }}|{{ ",a" | split: "," | size }}|{{ "abc" | split: "" | size }}
====
{{ "a\tb\nc d" | truncatewords: 2 }}|{{ "one two" | truncatewords: 2 }}|{{ "one two " | truncatewords: 2 }}|{{ " one  two  three" | truncatewords: 2, "" }}
====
{{ "<a href='x'>l</a><br/>t<script type='x'>s</script><style>y</style><!-- c -->e<SCRIPT>X</SCRIPT>" | strip_html }}
====
{{ "a < b > c" | strip_html }}|{{ "<p" | strip_html }}|{{ "<!-- open" | strip_html }}|{{ "<script>never closed" | strip_html }}
====
{{ "&amp; &Amp; &#x27; &#39 &; &lt" | escape_once }}
====
{{ "%41%2" | url_decode }}|{{ "%%41" | url_decode }}|{{ "a%20b+c" | url_decode }}|{{ "%e2%82%ac" | url_decode }}
====
{{ "aGVsbG8" | base64_decode }}
====
{{ "aGVsbG8=" | base64_decode }}|{{ "aGVsbG8" | base64_url_safe_decode }}|{{ "YQ==" | base64_url_safe_decode }}
====
{{ "a b" | replace: " ", "\\" }}|{{ "abc" | replace: "b", "\\&\\&" }}|{{ "abc" | replace: "b", "\\`" }}|{{ "abc" | replace: "b", "\\'" }}|{{ "abc" | replace_first: "b", "\\0!" }}
====
{{ "hello" | slice: -1 }}|{{ "hello" | slice: -5, 5 }}|{{ "hello" | slice: -6 }}|{{ "hello" | slice: 5 }}|{{ "hello" | slice: 2, -1 }}|{{ arr | slice: -2, 5 | join }}
====
{{ "abc" | truncate: 3 }}|{{ "abcd" | truncate: 3 }}|{{ "abcd" | truncate: 3, "" }}|{{ "abcdef" | truncate: 5, "..." }}|{{ "abcdef" | truncate: 2, "..." }}
====
{{ n | default: "d" }}|{{ f | default: "d" }}|{{ f | default: "d", allow_false: true }}|{{ e | default: "d" }}|{{ ea | default: "d" }}|{{ eh | default: "d" }}|{{ zero | default: "d" }}|{{ ws | default: "d" }}
====
{{ n | default }}|{{ s | default: n }}|{{ n | default: n | size }}
====
{{ s | default: "x", allow_false: t }}|{{ f | default: "x", allow_false: n }}|{{ f | default: "x", other: true }}
====
{% assign x = 3 | at_least: 5 | at_most: 4 %}{{ x }}
====
{{ i | divided_by: 5 | times: 5 }}|{{ i | modulo: 5 }}|{{ neg | divided_by: 2 }}|{{ neg | modulo: 2 }}|{{ 7 | divided_by: -2 }}|{{ 7 | modulo: -2 }}
====
{% for i in (1..3) %}{% for j in (1..i) %}{{ j }}{% endfor %};{% endfor %}
====
{% for i in (1..10) %}{% if i > 3 %}{% break %}{% endif %}{% for j in (1..10) %}{% if j > i %}{% break %}{% endif %}{{ j }}{% endfor %},{% endfor %}
====
{% for i in (1..3) %}{% cycle "a", "b" %}{% cycle "a", "b" %}{% endfor %}
====
{% for i in (1..3) %}{% capture c %}{% cycle "x", "y" %}{% endcapture %}{{ c }}{% endfor %}
====
{% for p in posts %}{% case p.cat %}{% when "news" %}N{% when "blog", "misc" %}B{% when nil %}0{% else %}?{% endcase %}{% endfor %}
====
{% for p in posts %}{% unless p.draft %}{{ p.n }}{% endunless %}{% endfor %}
====
{% for p in posts %}{% if p.tags.size > 0 and p.n < 5 or p.cat == nil %}{{ p.title }}{% endif %}{% endfor %}
====
{% for p in posts %}{% if p.tags contains "b" %}{{ forloop.index }}{% endif %}{% endfor %}
====
{% for p in posts reversed %}{{ p.title | slice: 0 }}{% endfor %}
====
{% for p in posts offset: 1 limit: 2 reversed %}{{ p.n }}{% endfor %}
====
{% tablerow p in posts cols: 3 %}{{ p.title }}{% endtablerow %}
====
{% liquid
  assign total = 0
  for p in posts
    assign total = total | plus: p.n
  endfor
  echo total
%}
====
{% liquid
  for p in posts
    unless forloop.first
      echo ","
    endunless
    echo p.title | downcase
  endfor
%}
====
{%- liquid
  assign x = "a"
-%}
 {{ x }}
====
{% capture html %}
  <ul>
  {%- for x in arr %}
    <li>{{ x }}</li>
  {%- endfor %}
  </ul>
{% endcapture %}{{ html | strip }}
====
{% raw %}{% for x in arr %}{{ x }}{% endfor %}{% endraw %}{% for x in arr %}{{ x }}{% endfor %}
====
{% comment %}
  {% for x in arr %}
{% endcomment %}after
====
{{ s | append: "{% raw %}" }}
====
{% if s == "Hello World" %}{% assign r = "y" %}{% endif %}{{ r }}
====
{% if h.d contains 2 and h.d.size == 2 %}ok{% endif %}
====
{% if h.size == 5 %}five{% endif %}
====
{% if arr.first == 3 and arr.last == 2 %}fl{% endif %}
====
{% if s.size > 5 %}long{% endif %}
====
{% if "b" > "a" %}gt{% endif %}{% if "B" > "a" %}GT{% endif %}{% if 2 > 10 %}x{% endif %}{% if "2" > "10" %}y{% endif %}
====
{% if 0.1 == 0.1 %}a{% endif %}{% if fz == 0.1 %}b{% endif %}{% if 1.0 == 1 %}c{% endif %}{% if fl > 3 %}d{% endif %}{% if 3 < fl %}e{% endif %}
====
{% if nosuch.deep.key %}x{% else %}y{% endif %}
====
{% if nosuch contains "a" %}x{% else %}y{% endif %}
====
{% if arr contains nosuch %}x{% else %}y{% endif %}
====
{% if mixed contains nil %}x{% else %}y{% endif %}
====
{% if mixed contains 2.5 %}x{% else %}y{% endif %}
====
{% if mixed contains true %}x{% else %}y{% endif %}
====
{% if nums contains 0 %}x{% else %}y{% endif %}
====
{% if dup contains "1" %}x{% else %}y{% endif %}
====
{% if h.d contains "1" %}x{% else %}y{% endif %}
====
{% if posts contains posts[0] %}x{% else %}y{% endif %}
====
{% if posts[0] == posts[0] %}x{% else %}y{% endif %}
====
{% if h == h %}x{% else %}y{% endif %}
====
{% if arr == arr %}x{% else %}y{% endif %}
====
{% if (1..3) == (1..3) %}x{% else %}y{% endif %}
LIQ

# --- Times and dates as Jekyll passes them (front matter, site.time) -----------
# JSON cannot carry them, so cases.json marks them and both sides convert:
# {"$time": iso8601, "local": bool} and {"$date": "YYYY-MM-DD"}.
DATA['dates'] = {
  'lt' => { '$time' => '2024-01-05T10:20:30+00:00', 'local' => true },
  'ft' => { '$time' => '2023-12-31T23:59:59+05:30', 'local' => false },
  'nt' => { '$time' => '1999-07-04T05:06:07-08:00', 'local' => false },
  'ut' => { '$time' => '2024-01-05T10:20:30Z', 'local' => false },
  'd' => { '$date' => '2024-02-29' }, 'd2' => { '$date' => '1970-01-01' },
  'items' => [{ 'n' => 'b', 'at' => { '$time' => '2022-05-01T00:00:00+00:00', 'local' => true } },
              { 'n' => 'a', 'at' => { '$time' => '2021-05-01T00:00:00+00:00', 'local' => true } },
              { 'n' => 'c', 'at' => { '$time' => '2023-05-01T00:00:00+00:00', 'local' => true } }],
  's' => '2024-01-05',
}
%w[lt ft nt ut d d2].each do |v|
  ["{{ #{v} }}", "{{ #{v} | size }}", "{{ #{v}.size }}", "{{ #{v} | append: \"!\" }}", "{{ #{v} | escape }}",
   "{{ #{v} | plus: 1 }}", "{{ #{v} | default: 1 }}", "{% if #{v} %}t{% endif %}", "{{ #{v} | first }}",
   "{{ #{v} | join }}", "{{ #{v} | split: \"-\" | first }}", "{{ #{v} | date: \"\" }}", "{{ #{v} | upcase }}",
   "{% if #{v} == #{v} %}eq{% endif %}", "{% if #{v} > s %}gt{% endif %}", "{{ #{v} | json }}"].each { |t| add(t, 'dates') }
  DATE_FORMATS.each { |fmt| add("{{ #{v} | date: \"#{fmt}\" }}", 'dates') }
end
['{% if lt > ft %}a{% else %}b{% endif %}', '{% if d > d2 %}a{% endif %}', '{% if lt < d %}a{% endif %}', '{% if lt == d %}a{% else %}b{% endif %}',
 '{{ items | sort: "at" | map: "n" | join }}', '{{ items | map: "at" | sort | first }}', '{{ items | where: "at", lt }}',
 '{{ items | map: "at" | join: "," }}', '{% for i in items %}{{ i.at | date: "%Y" }}{% endfor %}', '{{ items | sort_natural: "at" | map: "n" | join }}',
 '{% assign a = items | map: "at" %}{{ a | uniq | size }}', '{% case d %}{% when d2 %}x{% when d %}y{% endcase %}',
 '{{ lt | date: "%s" | plus: 0 }}'].each { |t| add(t, 'dates') }

# --- Date strings as Time.parse reads them -------------------------------------
['2024-01-05', '2024-1-5', '2024-01-05 10:20', '2024-01-05 10:20:30', '2024-01-05T10:20:30', '2024-01-05T10:20:30Z',
 '2024-01-05T10:20:30.5Z', '2024-01-05T10:20:30+0100', '2024-01-05T10:20:30+01', '2024-01-05 10:20:30 -03:30',
 '2024-01-05 10:20:30 UTC', '2024-01-05 10:20:30 GMT', '2024-01-05 10:20:30 EST', '2024-01-05 10:20:30 EDT',
 '2024-01-05 10:20:30 CET', '2024-01-05 10:20:30 JST', '2024-01-05 10:20:30 PDT', '2024-01-05 1:02:03',
 '2024-01-05 10:20:30 am', '2024-01-05 10:20:30 pm', '2024-01-05 12:00 am', '2024-01-05 12:00 pm', '2024-01-05 12 pm',
 '2024-02-29', '2023-02-29', '2024-04-31', '2024-00-10', '2024-12-32', '2024-01-05 24:00', '2024-01-05 23:60',
 'Jan 5 2024', 'January 5 2024', 'January 5, 2024', 'Jan 5, 2024 10:20', '5 Jan 2024', '5 January 2024 10:20:30',
 '05 Jan 2024 10:20:30 +0000', 'Fri, 05 Jan 2024 10:20:30 GMT', 'Friday, January 5, 2024', 'Fri Jan 5 10:20:30 2024',
 'Fri Jan 05 10:20:30 UTC 2024', 'Jan 5th 2024', '5th of January 2024', 'January 2024', 'Jan 2024', 'jan 5 2024',
 'JANUARY 5 2024', 'Sept 5 2024', 'Sep. 5, 2024', '5-Jan-2024', '05-Jan-24', '2024-Jan-05', '5/1/2024', '25/12/2024',
 '12/25/2024', '2024/12/25', '2024/1/5 10:20', '5.1.2024', '2024.01.05', '20240105', '20240105T102030',
 '2024-01-05T10:20:30.123456789+05:45', '1970-01-01 00:00:00 UTC', '1969-12-31 23:59:59 UTC', '1900-01-01',
 '0099-01-01', '99-01-05', '69-01-05', '68-01-05', '10000-01-01', '2024-W01-1', '2024-005', '2024-01-05 10h20',
 '2024-01-05T10:20:30.000+00:00', ' 2024-01-05 ', "2024-01-05\n10:20", 'On 2024-01-05 at noon', '2024-01-05 noon'].each do |ds|
  add("{{ \"#{ds.gsub('"', '\"').gsub("\n", '\n')}\" | date: \"%Y-%m-%d %H:%M:%S.%L %z\" }}")
end
# `%Z` and `to_s` by zone mode: UTC (`Z`, `UTC`, `-00:00`), an offset the
# local zone has (local), other offsets (fixed).
['2024-01-05T10:20:30Z', '2024-01-05 10:20:30 UTC', '2024-01-05 10:20:30 -00:00', '2024-01-05 10:20:30 +00:00',
 '2024-01-05 10:20:30 GMT', '2024-01-05 10:20:30 +0100', '2024-01-05 10:20:30 EST', '2024-01-05 10:20:30'].each do |ds|
  add("{{ \"#{ds}\" | date: \"%Z|%z|%+\" }}")
end
add('{{ ut }}|{{ ut | date: "%Z %z" }}|{{ lt | date: "%Z" }}|{{ ft | date: "[%Z]" }}', 'dates')
add('{{ items | map: "at" | first | date: "%Z" }}', 'dates')
# Range and nesting limits.
add(('{% if t %}' * 101) + ('{% endif %}' * 101))
add(('{% if t %}' * 99) + 'deep' + ('{% endif %}' * 99))
add(('{% for x in arr %}' * 3) + '{{ x }}' + ('{% endfor %}' * 3))

# --- `empty` and `blank` outside conditions ------------------------------------
# Plain Liquid 5.4 evaluates them to ""; Jekyll 4 makes them method-literal
# objects again (as Liquid 4 did), which filters see as such and variables
# read back as "". Each template runs both ways ('jekyll_literals' mode).
class JekyllStyleLiteral
  attr_reader :method_name, :to_s
  alias to_liquid to_s

  def initialize(method_name)
    @method_name = method_name
    @to_s = ''
  end
end

def with_jekyll_literals
  plain = Liquid::Expression::LITERALS
  patched = plain.merge('blank' => JekyllStyleLiteral.new(:blank?).freeze,
                        'empty' => JekyllStyleLiteral.new(:empty?).freeze).freeze
  Liquid::Expression.send(:remove_const, :LITERALS)
  Liquid::Expression.const_set(:LITERALS, patched)
  yield
ensure
  Liquid::Expression.send(:remove_const, :LITERALS)
  Liquid::Expression.const_set(:LITERALS, plain)
end

LITERAL_CASES = ['{{ empty }}|{{ blank }}', '{{ empty | default: "x" }}', '{{ blank | default: "x" }}',
  '{{ empty | default: "x", allow_false: true }}', '{{ n | default: empty }}|{{ n | default: blank | size }}',
  '{{ "a" | append: empty }}{{ "b" | prepend: blank }}', '{{ empty | size }}', '{{ empty | upcase }}{{ blank | capitalize }}',
  '{% assign x = empty %}[{{ x }}|{{ x.size }}|{% if x == "" %}eq{% endif %}|{% if x == empty %}em{% endif %}]',
  '{% assign x = blank %}{% assign y = blank %}{% if x == y %}same{% endif %}',
  '{{ empty | first }}|{{ empty | last }}|{{ empty | join: "," }}', '{{ empty | plus: 1 }}|{{ empty | at_least: 2 }}',
  '{{ empty | split: "" | size }}', '{{ empty | escape }}{{ empty | url_encode }}{{ empty | strip_html }}',
  '{{ empty | date: "%Y" }}', '{{ empty | slice: 0 }}', '{{ s | replace: "l", empty }}', '{{ s | remove: blank }}',
  '{% for x in empty %}a{% else %}b{% endfor %}', '{% case empty %}{% when "" %}a{% else %}b{% endcase %}',
  '{% if empty %}t{% endif %}{% unless blank %}u{% endunless %}', '{{ empty | map: "x" | size }}',
  '{{ empty | sort | size }}|{{ empty | compact | size }}|{{ empty | uniq | size }}|{{ empty | reverse | size }}',
  '{{ empty | truncate: 3 }}{{ blank | truncatewords: 2 }}', '{{ empty | round }}|{{ blank | abs }}',
  '{% assign a = empty | default: "d" %}[{{ a }}]', '{% capture c %}{{ empty }}{% endcapture %}[{{ c | size }}]',
  '{{ arr | join: empty }}', '{{ s | split: empty | size }}', '{{ "a,b" | split: blank | first }}',
  '{{ posts | where: "cat", empty | size }}', '{{ posts | sort: "title" | map: "title" | join: blank }}']
LITERAL_CASES.each do |t|
  add(t)
  add(t, 'main', 'jekyll_literals')
end

# --- truncatewords field splitting (Ruby's `split(" ", n + 1)`) -----------------
["a b ", " a  b  c ", "a\tb\nc d", "one", "one two", "a  b  c  d  e", "x\r\ny z", "\u00a0a b\u00a0c d"].each do |text|
  [1, 2, 3].each { |n| add("[{{ \"#{text.gsub('"', '\"')}\" | truncatewords: #{n} }}]") }
end

# --- Integers beyond 64 bits (Ruby's Bignum) ----------------------------------
# Literals and results past i64 stay exact; results that fit come back.
# JSON readers turn big numbers into floats, so cases.json marks them:
# {"$int": "digits"}.
def big(n) = { '$int' => n.to_s }
DATA['bignums'] = {
  'b' => big(10**20), 'nb' => big(-10**20), 'b2' => big(2**64), 'b40' => big(10**40),
  'mx' => 2**63 - 1, 'mn' => -2**63, 'edge' => big(2**63), 'nedge' => big(-2**63 - 1),
  'f20' => 1.0e20, 'f40' => 1.0e40, 'fneg' => -1.5e300, 'half' => 0.5, 'fx' => 2.5, 'i' => 7, 'z' => 0,
  'sb' => '100000000000000000000', 'snb' => '-123456789012345678901234', 'sbf' => '100000000000000000000.5',
  'sbj' => '123456789012345678901x', 'sbu' => '1_000_000_000_000_000_000_000',
  'bl' => [big(10**20), 3, big(-10**21), 2.5, big(2**64)], 'bh' => { 'k' => big(10**20), 'n' => [big(-2**70)] },
  'posts' => [{ 'n' => big(10**20), 't' => 'a' }, { 'n' => 5, 't' => 'b' }, { 'n' => big(-10**20), 't' => 'c' }],
}
BIG_OPERANDS = %w[b nb b2 b40 mx mn edge nedge f20 f40 fneg half fx i z sb snb sbf sbj sbu] +
               ['100000000000000000000', '-100000000000000000000', '9223372036854775808', '-9223372036854775809',
                '9223372036854775807', '-9223372036854775808', '1.5', '"99999999999999999999"']
%w[b nb b2 b40 mx mn edge nedge f20 f40 fneg sb snb sbf sbj sbu bl bh].each do |v|
  ["{{ #{v} }}", "{{ #{v}.size }}", "{{ #{v} | size }}", "{{ #{v} | abs }}", "{{ #{v} | ceil }}", "{{ #{v} | floor }}",
   "{{ #{v} | round }}", "{{ #{v} | round: 2 }}", "{{ #{v} | round: -3 }}", "{{ #{v} | round: -19 }}", "{{ #{v} | round: -25 }}",
   "{{ #{v} | round: 0.0 }}", "{{ #{v} | append: \"!\" }}", "{{ #{v} | json }}", "{{ #{v} | default: 1 }}",
   "{{ #{v} | date: \"%Y-%m-%d\" }}", "{% if #{v} %}t{% endif %}", "{{ #{v} | first }}", "{{ #{v} | split: \"0\" | size }}"].each { |t| add(t, 'bignums') }
end
['100000000000000000000', '-100000000000000000000', '9223372036854775808', '-9223372036854775809', '9223372036854775807',
 '-9223372036854775808', '123456789012345678901234567890', '0100000000000000000000', '-0'].each do |lit|
  ["{{ #{lit} }}", "{{ #{lit} | plus: 0 }}", "{{ #{lit} | size }}", "{{ #{lit}.size }}", "{% assign x = #{lit} %}{{ x }}",
   "{{ #{lit} | minus: 1 }}", "{{ #{lit} | plus: 1 }}", "{{ #{lit} | times: -1 }}"].each { |t| add(t, 'bignums') }
end
%w[plus minus times divided_by modulo at_least at_most].each do |f|
  %w[b nb mx mn edge nedge f20 f40 sb snb].each do |x|
    BIG_OPERANDS.each { |y| add("{{ #{x} | #{f}: #{y} }}", 'bignums') }
  end
  %w[i z half fx fneg sbf sbj sbu].each do |x|
    %w[b nb mx mn edge nedge b40 f40].each { |y| add("{{ #{x} | #{f}: #{y} }}", 'bignums') }
  end
end
# Comparisons: Ruby compares an Integer with a Float exactly.
CMP_OPERANDS = %w[b nb b2 edge nedge mx mn f20 f40 fneg i fx sb 100000000000000000000 100000000000000000001 -100000000000000000000]
%w[== != < > <= >=].each do |op|
  CMP_OPERANDS.each do |x|
    CMP_OPERANDS.each do |y|
      add("{% if #{x} #{op} #{y} %}y{% else %}n{% endif %}", 'bignums') if (x + y).sum % 3 == 0 || x == 'b' || y == 'f20'
    end
  end
end
['{% if bl contains b %}y{% else %}n{% endif %}', '{% if bl contains 100000000000000000000 %}y{% else %}n{% endif %}',
 '{% if bl contains f20 %}y{% else %}n{% endif %}', '{% if f20 == b %}y{% else %}n{% endif %}',
 '{% if 9007199254740993 == 9007199254740992.0 %}y{% else %}n{% endif %}', '{% case b %}{% when f20 %}f{% when 100000000000000000000 %}i{% endcase %}',
 '{{ bl | sort | join: "," }}', '{{ bl | uniq | size }}', '{{ bl | reverse | first }}', '{{ bl | last }}', '{{ bl | max }}',
 '{{ bl | join: "|" }}', '{{ bh }}', '{{ bh.k }}', '{{ bh | map: "k" }}', '{{ posts | sort: "n" | map: "t" | join }}',
 '{{ posts | where: "n", b | map: "t" | join }}', '{{ posts | map: "n" | join: "," }}', '{{ posts | sort: "n" | first | map: "n" }}',
 '{{ b | slice: 0 }}', '{{ "abcdef" | slice: b }}', '{{ "abcdef" | slice: 1, b }}', '{{ "abc" | truncate: b }}',
 '{{ "a b c" | truncatewords: b }}', '{{ bl[b] }}', '{{ bl[1] | plus: b }}', '{{ b[0] }}{{ b[20] }}{{ nb[0] }}{{ nb[100] }}',
 '{{ 1.5 | round: b }}', '{{ 1.5 | round: nb }}', '{{ b | round: b }}', '{{ b | round: nb }}',
 '{% assign x = b | plus: 1 %}{% if x > b %}gt{% endif %}', '{% assign x = mx | plus: 1 | minus: 1 %}{{ x }}|{{ x.size }}',
 '{% assign x = mn | minus: 1 | plus: 1 %}{{ x }}|{{ x | size }}', '{{ b | times: b | times: b }}',
 '{{ b | divided_by: b }}', '{{ b | modulo: b }}', '{{ b | divided_by: 0 }}', '{{ b | modulo: 0 }}', '{{ b | divided_by: 0.0 }}',
 '{{ b | modulo: 0.0 }}', '{{ b | divided_by: 3 | times: 3 | plus: 1 }}', '{{ nb | divided_by: 7 }}|{{ nb | modulo: 7 }}',
 '{{ nb | divided_by: -7 }}|{{ nb | modulo: -7 }}', '{{ b | divided_by: -7 }}|{{ b | modulo: -7 }}',
 '{{ mn | divided_by: -1 }}|{{ mn | modulo: -1 }}|{{ mn | abs }}|{{ mn | times: -1 }}',
 '{{ mx | plus: mx | minus: mx }}', '{{ mx | times: mx }}', '{{ mn | times: mn }}',
 '{{ f40 | plus: 1 }}', '{{ f40 | ceil | plus: 1 }}', '{{ fneg | floor | size }}', '{{ f40 | round: -39 }}',
 '{{ b | at_least: f40 }}', '{{ f40 | at_most: b40 }}', '{{ b40 | at_least: f40 }}', '{{ sb | ceil }}', '{{ sbf | floor }}',
 '{% for i in (b..b) %}{{ i }}{% endfor %}',  '{% assign r = (b..b2) %}{{ r.first }}', '{{ (1..b) | size }}', '{% for i in (mx..mx) %}{{ i | plus: 1 }}{% endfor %}',
 '{% increment b %}{{ b }}', '{{ b | date: "%s" }}', '{{ 100000000000000000000 | date: "%Y" }}', '{{ 10000000000000000 | date: "%Y-%m-%d %A" }}',
 '{{ 253402300800 | date: "%Y-%m-%d" }}', '{{ 8210298412800 | date: "%Y-%m-%d %j" }}', '{{ -62167219200 | date: "%Y-%m-%d" }}',
 '{{ -62167219201 | date: "%Y-%m-%d %H" }}', '{{ -100000000000 | date: "%Y-%m-%d %a" }}', '{{ mx | date: "%Y" }}', '{{ mn | date: "%Y" }}',
 '{{ edge | date: "%Y" }}', '{{ nb | date: "%Y" }}', '{{ sb | date: "%Y" }}'].each { |t| add(t, 'bignums') }

# --- Times past 2^30 eras of 204,800 years (Time.at of any Integer) ---------
# hyde keeps such a time's era count as a Bignum; Ruby's Time takes any
# Integer. `{"$pow10": n}` is 10**n (too long to write out); with 1.1 million
# digits its year is past what Ruby's strftime buffer takes for a 2-byte
# format (Errno::ERANGE) but not for a 3-byte one.
def pow10(n, sign = 1) = { '$pow10' => n, 'sign' => sign }
ERA = 512 * 146_097 * 86_400
DATA['far'] = {
  'b40' => big(10**40), 'nb40' => big(-10**40), 'b200' => big(2**200), 'nb200' => big(-2**200),
  'i127' => big(2**127 - 1), 'n127' => big(-2**127), 'i128' => big(2**128), 'b64' => big(2**64),
  'e30' => big(2**30 * ERA), 'e30m' => big(2**30 * ERA - 1), 'ne30' => big(-2**30 * ERA), 'ne30m' => big(-2**30 * ERA - 1),
  'y62' => big(Time.utc(2**62).to_i), 'y62m' => big(Time.utc(2**62).to_i - 1),
  'ny62' => big(Time.utc(-2**62).to_i), 'ny62m' => big(Time.utc(-2**62).to_i - 1),
  's40' => (10**40).to_s, 's60' => "000#{7 * 10**60 + 12_345}", 'sn40' => (-10**40).to_s,
  'p1k' => pow10(1000), 'np1k' => pow10(1000, -1), 'p11' => pow10(1_100_000), 'np11' => pow10(1_100_000, -1),
  'p6' => pow10(600_000),
}
FAR = %w[b40 nb40 b200 nb200 i127 n127 i128 b64 e30 e30m ne30 ne30m y62 y62m ny62 ny62m s40 s60 sn40]
FAR_FORMATS = ['%Y-%m-%d %H:%M:%S', '%C|%y|%G|%g|%V|%U|%W|%j|%u|%w|%a|%A|%b|%B', '%s', '%c|%x|%D|%F|%v',
               '%40Y|%_40Y|%-40Y|%040Y|%^40Y', '%60s|%_60s|%-s', '%36C|%_36C|%-C|%40G|%_40G|%2y|%-y']
FAR.each { |v| FAR_FORMATS.each { |fmt| add("{{ #{v} | date: \"#{fmt}\" }}", 'far') } }
%w[b40 nb40 y62 ny62m e30m ne30m].each do |v|
  ['%N|%L|%3N|%12N|%z|%:z|%::z|%Z|%+', '%T %R %r %X %p %P %I %l %k %e', '%10F|%-10F|%^c|%#c|%_12x|%Ey|%EY|%OC|%Ec',
   '%s%%%n%t|%Q|%h', '%50c', '%-m/%-d/%-Y %-H:%-M'].each { |fmt| add("{{ #{v} | date: \"#{fmt}\" }}", 'far') }
end
# Literals, digit strings, and what filters do with the results.
['{{ 10000000000000000000000000000000000000000 | date: "%Y-%m-%d" }}', '{{ -10000000000000000000000000000000000000000 | date: "%F %T" }}',
 '{{ "10000000000000000000000000000000000000000" | date: "%c" }}', '{{ "-10000000000000000000000000000000000000000" | date: "%Y" }}',
 '{{ "000000000000000000000000000000000000000001" | date: "%F" }}', '{{ " 10000000000000000000000000000000000000000" | date: "%Y" }}',
 '{{ 1606938044258990275541962092341162602522202993782792835301376 | date: "%s|%Y" }}',
 '{{ b40 | date: "%s" | plus: 1 | date: "%F %T" }}', '{{ b40 | date: "%Y" | size }}', '{{ b40 | date: "%Y" | minus: 1 }}',
 '{{ nb40 | date: "%s" | times: -1 | date: "%j" }}', '{{ b40 | date: "%Y" | modulo: 400 }}', '{{ b40 | date: "" }}',
 '{{ b40 | date: nil }}', '{{ b40 | date: "%%" }}', '{{ b40 | date }}', '{% assign t = b40 | date: "%s" %}{% if t == s40 %}same{% endif %}',
 '{{ p1k | date: "%y %m %d %H %M %S %j %a" }}', '{{ np1k | date: "%y %m %d %H %M %S %j %a" }}', '{{ p1k | date: "%Y" | size }}',
 '{{ np1k | date: "%C" | size }}', '{{ p1k | date: "%s" | size }}',
 '{{ p6 | date: "%Y" | size }}', '{{ p11 | date: "%y-%m-%d" }}', '{{ p11 | date: "%Y" }}',
 '{{ p11 | date: "%F" }}', '{{ p11 | date: "%c" }}', '{{ p11 | date: "%s" }}', '{{ p11 | date: "%C" }}', '{{ np11 | date: "%G" }}',
 '{{ p11 | date: "x%Y" | size }}', '{{ p11 | date: "%5F" | size }}', '{{ np11 | date: "%-s" | size }}',
 '{{ np11 | date: "%_C" | size }}', '{{ p11 | date: "%1100010Y" | size }}', '{{ p11 | date: "%D %x %+" }}'].each { |t| add(t, 'far') }
# Time.parse of years past chrono's (±262143) and past 2^63.
['300000-01-01', '262144-03-01 10:20:30', '-300000-06-15', '9999999999-12-31 23:59:59 +0530', '12345678901234-05-06T07:08:09.5Z',
 'Jan 5 123456789012', '5 Jan 99999999999 10:00 UTC', '123456789012-02-29', '123456789013-02-29', '400000-02-29',
 '400100-02-29 12:00 -0800', '9223372036854775807-01-01', '9223372036854770000-01-01', '12345678901234567890-01-01',
 '-12345678901234567890-01-01', 'Jan 5 123456789012345678901234', '123456789012345678901234-05-06T07:08:09.5+05:30',
 '300000-12-31 23:00 -0200', '-300000-01-01 00:30 +0100', '300000-01-01 EST', 'Sat Jan 1 00:00:00 300000', 'BC 300000-01-01',
 '300000-01-01 BC', '3000000-013', "'300000", '300000', '219902325557169-12-31 23:59:59', '219902325557170-01-01 00:00:00 -0100',
 '-219902325553231-12-31 23:59:59.25', '4611686018427387904-07-04', '-4611686018427387905-07-04 12:00 +1400'].each do |ds|
  add("{{ \"#{ds}\" | date: \"%Y-%m-%d %H:%M:%S.%N %z|%Z|%s\" }}", 'far')
  add("{{ \"#{ds}\" | date: \"%c|%G-W%V-%u|%C|%y|%30Y|%U|%W|%j\" }}", 'far')
end
# Years past 2^127, and Date._parse's limit of 128 bytes.
['Jan 5 ' + '9' * 45, '-' + '12345' * 10 + '-03-04 05:06:07 +0900', '170141183460469231731687303715884105727-01-01',
 '170141183460469231731687303715884105728-06-30 -0800', 'BC ' + '7' * 40 + '-02-29', '7' * 40 + '-02-29 BC',
 '99999999999999999999999999999999999999-12-31 23:59:59 -0100', "'" + '4' * 60, '1' * 100 + '-12-31T23:59:59Z',
 '1' * 118 + '-12-31', '1' * 119 + '-12-31', '1' * 300 + '-12-31', '2024-01-05' + ' ' * 118, '2024-01-05' + ' ' * 119,
 'é' * 59 + '2024-01-05', 'é' * 60 + '2024-01-05'].each do |ds|
  add("{{ \"#{ds}\" | date: \"%Y-%m-%d %H:%M:%S.%N %z|%Z|%s\" }}", 'far')
end

# --- Time.parse forms through `| date:` --------------------------------------
# The strings Ruby's Time.parse was checked on (tests/time_parse/inputs.txt),
# minus those it reads relative to today and those a Liquid string literal
# cannot hold.
T1 = Time.utc(2001, 2, 3, 4, 5, 6)
T2 = Time.utc(2019, 11, 12, 13, 14, 15)
File.read(File.join(HERE, '..', 'time_parse', 'inputs.txt')).split("\n").each do |line|
  next if line.start_with?('#') || %w[<empty> now today].include?(line.downcase) || line.match?(/["\t]/)
  stable = begin
    Time.parse(line, T1) == Time.parse(line, T2)
  rescue ArgumentError, RangeError
    true
  end
  next unless stable
  add("{{ \"#{line}\" | date: \"%Y-%m-%d %H:%M:%S.%N %z|%Z|%s\" }}")
end

# --- Render everything -------------------------------------------------------
def ruby_data(v)
  case v
  when Hash
    if v.key?('$time')
      t = Time.iso8601(v['$time'])
      v['local'] ? t.localtime : t
    elsif v.key?('$date')
      Date.iso8601(v['$date'])
    elsif v.key?('$int')
      Integer(v['$int'])
    elsif v.key?('$pow10')
      v['sign'] * 10**v['$pow10']
    else
      v.transform_values { |x| ruby_data(x) }
    end
  when Array then v.map { |x| ruby_data(x) }
  else v
  end
end

out = { 'partials' => PARTIALS, 'data' => DATA, 'cases' => [] }
$cases.uniq.each_with_index do |(src, data_name, mode), i|
  rec = { 'id' => i, 'template' => src, 'data' => data_name }
  rec['mode'] = mode unless mode == 'warn'
  begin
    render = lambda do
      tpl = Liquid::Template.parse(src, error_mode: mode == 'jekyll_literals' ? :warn : mode.to_sym, line_numbers: true)
      [tpl, tpl.render!(ruby_data(Marshal.load(Marshal.dump(DATA[data_name]))), strict_variables: false, strict_filters: false)]
    end
    tpl, result = mode == 'jekyll_literals' ? with_jekyll_literals(&render) : render.call
    result = result.dup.force_encoding('UTF-8')
    # Binary output (e.g. base64_decode of non-text) cannot be a Rust string.
    raise Encoding::InvalidByteSequenceError, 'output is not valid UTF-8' unless result.valid_encoding?
    rec['output'] = result
    rec['warnings'] = tpl.warnings.size unless tpl.warnings.empty?
  rescue StandardError, SystemStackError => e
    rec['error'] = "#{e.class}: #{e.message}"
  end
  out['cases'] << rec
end
File.write(File.join(HERE, 'cases.json'), JSON.pretty_generate(out) + "\n")
warn "#{out['cases'].size} cases, #{out['cases'].count { |c| c['error'] }} errors"
