# Generates expected.txt from cases.txt: each case (separated by a line "=====") is a
# page's rendered output, run through what jemoji 0.13 does in its post_render hook
# (html-pipeline 2.14's EmojiFilter over the <body> content, or the whole output when
# there is no "<body", with `img_attrs: {align: nil}`), using Debian's html-pipeline and
# Nokogiri and the gemoji stand-in in stub/.
#
# Run: ruby -I stub generate.rb > expected.txt   (from this directory)
require "html/pipeline"

SRC = "https://github.githubassets.com/images/icons/"
PIPELINE = HTML::Pipeline.new([HTML::Pipeline::EmojiFilter], asset_root: SRC, img_attrs: { align: nil })

def emojify(output)
  return output unless output.match?(HTML::Pipeline::EmojiFilter.emoji_pattern)
  return PIPELINE.call(output)[:output].to_s unless output.include?("<body")

  head, opener, tail = output.partition(%r!<body(.*?)>\s*!m)
  body, *rest = tail.partition("</body>")
  String.new(head) << opener << PIPELINE.call(body)[:output].to_s << rest.join
end

cases = File.read(File.join(__dir__, "cases.txt")).split("\n=====\n", -1)
print cases.map { |c| emojify(c) }.join("\n=====\n")
