# The benchmark data, built the same way as in benches/render.rs.
def bench_site
  posts = (0...5000).map do |i|
    {
      'title' => "Post #{i} & more", 'url' => "/blog/post-#{i}/", 'category' => %w[news blog misc][i % 3],
      'date' => format('20%02d-%02d-%02d 10:00:00', 10 + (i % 13), (i % 12) + 1, (i % 28) + 1),
      'tags' => (i % 5).zero? ? %w[rust web] : %w[misc],
      'excerpt' => "<p>Excerpt number #{i} with <em>some</em> words to strip and truncate here.</p>",
    }
  end
  {
    'title' => 'Bench Site', 'baseurl' => '/base', 'lang' => 'en', 'analytics' => 'google', 'ga_id' => 'UA-1',
    'time' => '2024-06-01 12:00:00',
    'meta' => (0...5).map { |i| { 'name' => "m#{i}", 'content' => "value \"#{i}\"" } },
    'nav' => (0...8).map { |i| { 'title' => "Nav #{i}", 'url' => "/n#{i}/" } },
    'sidebar' => (0...3).map { |s| { 'title' => "Section #{s}", 'items' => (0...6).map { |i| { 'title' => "Item #{i}", 'url' => i.even? ? "/i#{i}/" : nil } } } },
    'author' => { 'name' => 'A. Author', 'avatar' => '/a.png', 'bio' => (['word'] * 30).join(' '),
                  'links' => (0...5).map { |i| { 'label' => "L#{i}", 'url' => "https://l#{i}.example/", 'title' => "L#{i}" } } },
    'posts' => posts,
  }
end

def bench_page
  { 'title' => 'A <b>page</b>', 'layout' => 'single', 'url' => '/n3/', 'tags' => %w[alpha beta gamma] }
end

# About 100 KB of HTML with comments and preformatted blocks.
def bench_content
  block = "<h2>Heading</h2>\n<p>Some    text with   irregular\n   spacing and <a href=\"/x\">a link</a>.</p>\n" \
          "<!-- a comment\n spanning lines -->\n<pre><code>keep   this\n   as is</code></pre>\n<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n"
  block * (100_000 / block.size + 1)
end
