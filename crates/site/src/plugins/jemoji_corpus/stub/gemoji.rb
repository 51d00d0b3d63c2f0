# A stand-in for the gemoji gem (not packaged in Debian) with a few of GitHub's
# shortcodes, so html-pipeline's real EmojiFilter can run. The names and image
# files below agree with the `emojis` crate hyde uses.
module Emoji
  Char = Struct.new(:aliases, :image_filename)
  ALL = [
    Char.new(%w(smile), "unicode/1f604.png"),
    Char.new(%w(+1 thumbsup), "unicode/1f44d.png"),
    Char.new(%w(tada), "unicode/1f389.png"),
    Char.new(%w(heart), "unicode/2764.png"),
    Char.new(%w(rocket), "unicode/1f680.png"),
  ].freeze

  def self.all
    ALL
  end

  def self.find_by_alias(name)
    ALL.find { |c| c.aliases.include?(name) }
  end
end
