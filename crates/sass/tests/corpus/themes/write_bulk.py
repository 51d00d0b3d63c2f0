#!/usr/bin/env python3
"""Writes the bulky, regular partials of the corpus themes (the icon layer,
syntax-highlighting tokens, component families and utilities), which would be
tedious by hand. The hand-written partials sit next to them. Run once; the
output is committed and is what the corpus test reads."""
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20261126)


def write(rel, text):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


WORDS = ("arrow alert bell book bookmark box briefcase calendar camera chart check circle "
         "clipboard clock cloud code cog comment compass copy credit database desktop "
         "download edit envelope eye file film filter flag folder gift globe graduation "
         "hashtag heart home image inbox info key laptop layer leaf link list lock map "
         "microphone minus mobile moon music paper pen phone plus print puzzle question "
         "quote receipt redo reply rocket rss save search server share shield sign sitemap "
         "sliders star sun sync table tag terminal thumb ticket times tools trash trophy "
         "truck undo unlock upload user video wallet wifi wrench").split()
MODS = ["", "-alt", "-o", "-slash", "-circle", "-square"]
BRANDS = ("github gitlab bitbucket orcid researchgate google-scholar twitter mastodon "
          "linkedin facebook instagram youtube vimeo flickr stack-overflow reddit "
          "medium dribbble behance pinterest tumblr wordpress slack discord telegram "
          "whatsapp skype zotero mendeley arxiv kaggle codepen npm python r-project "
          "docker aws microsoft apple android linux ubuntu debian").split()


def icon_names():
    names = []
    for w in WORDS:
        for m in MODS:
            if m == "" or rng.random() < 0.62:
                names.append(w + m)
    return names


def scholar_icons():
    base = "scholar/_sass/icons/"
    names = icon_names()
    lines = ["// Icon code points of the Scholar icon font (private-use area).", "$icon-glyphs: ("]
    for i, n in enumerate(names):
        lines.append('  "%s": "\\f%03x",' % (n, (i * 7 + 0x10) % 0xfff))
    lines.append(") !default;\n")
    lines.append("$brand-glyphs: (")
    for i, n in enumerate(BRANDS):
        lines.append('  "%s": "\\e%03x",' % (n, 0x100 + i * 3))
    lines.append(") !default;\n")
    write(base + "_variables.scss", "\n".join(lines) + "\n"
          "$icon-css-prefix: fa !default;\n$icon-font-path: \"../fonts\" !default;\n"
          "$icon-line-height: 1 !default;\n$icon-li-width: (30em / 14) !default;\n"
          "$icon-border-color: #eee !default;\n$icon-inverse: #fff !default;\n")
    write(base + "_icons.scss", """@import "variables";
@import "mixins";
@import "path";
@import "core";
@import "sizes";
@import "list";
@import "animated";
@import "rotated";
@import "glyphs";
@import "brands";
""")
    write(base + "_mixins.scss", """@mixin icon-base {
  -moz-osx-font-smoothing: grayscale;
  -webkit-font-smoothing: antialiased;
  display: inline-block;
  font-style: normal;
  font-variant: normal;
  text-rendering: auto;
  line-height: 1;
}

@mixin icon-rotate($degrees, $rotation) {
  -ms-filter: "progid:DXImageTransform.Microsoft.BasicImage(rotation=#{$rotation})";
  transform: rotate($degrees);
}

@mixin icon-flip($horiz, $vert, $rotation) {
  -ms-filter: "progid:DXImageTransform.Microsoft.BasicImage(rotation=#{$rotation}, mirror=1)";
  transform: scale($horiz, $vert);
}

@function icon-content($glyph) {
  @return unquote("\\"#{ $glyph }\\"");
}
""")
    write(base + "_path.scss", """@font-face {
  font-family: "Scholar Icons";
  font-style: normal;
  font-weight: 900;
  font-display: auto;
  src: url("#{$icon-font-path}/scholar-icons.eot");
  src: url("#{$icon-font-path}/scholar-icons.eot?#iefix") format("embedded-opentype"),
    url("#{$icon-font-path}/scholar-icons.woff2") format("woff2"),
    url("#{$icon-font-path}/scholar-icons.woff") format("woff"),
    url("#{$icon-font-path}/scholar-icons.ttf") format("truetype"),
    url("#{$icon-font-path}/scholar-icons.svg#scholaricons") format("svg");
}

@font-face {
  font-family: "Scholar Brands";
  font-style: normal;
  font-weight: normal;
  src: url("#{$icon-font-path}/scholar-brands.woff2") format("woff2"),
    url("#{$icon-font-path}/scholar-brands.woff") format("woff");
}
""")
    write(base + "_core.scss", """.#{$icon-css-prefix},
.fas,
.far,
.fab {
  @include icon-base;
}

.fas,
.far {
  font-family: "Scholar Icons";
}

.fas {
  font-weight: 900;
}

.far {
  font-weight: 400;
}

.fab {
  font-family: "Scholar Brands";
}
""")
    sizes = "\n".join(".#{$icon-css-prefix}-%dx {\n  font-size: %dem;\n}\n" % (i, i) for i in range(1, 11))
    write(base + "_sizes.scss", """.#{$icon-css-prefix}-lg {
  font-size: (4em / 3);
  line-height: (3em / 4);
  vertical-align: -0.0667em;
}

.#{$icon-css-prefix}-xs {
  font-size: 0.75em;
}

.#{$icon-css-prefix}-sm {
  font-size: 0.875em;
}

""" + sizes + """
.#{$icon-css-prefix}-fw {
  text-align: center;
  width: (20em / 16);
}
""")
    write(base + "_list.scss", """.#{$icon-css-prefix}-ul {
  list-style-type: none;
  margin-left: $icon-li-width * 5 / 4;
  padding-left: 0;

  > li {
    position: relative;
  }
}

.#{$icon-css-prefix}-li {
  left: -$icon-li-width;
  position: absolute;
  text-align: center;
  width: $icon-li-width;
  line-height: inherit;
}

.#{$icon-css-prefix}-border {
  border: solid 0.08em $icon-border-color;
  border-radius: 0.1em;
  padding: 0.2em 0.25em 0.15em;
}

.#{$icon-css-prefix}-pull-left {
  float: left;
}

.#{$icon-css-prefix}-pull-right {
  float: right;
}

.#{$icon-css-prefix},
.fas,
.far,
.fab {
  &.#{$icon-css-prefix}-pull-left {
    margin-right: 0.3em;
  }

  &.#{$icon-css-prefix}-pull-right {
    margin-left: 0.3em;
  }
}
""")
    write(base + "_animated.scss", """.#{$icon-css-prefix}-spin {
  animation: icon-spin 2s infinite linear;
}

.#{$icon-css-prefix}-pulse {
  animation: icon-spin 1s infinite steps(8);
}

@keyframes icon-spin {
  0% {
    transform: rotate(0deg);
  }

  100% {
    transform: rotate(360deg);
  }
}
""")
    write(base + "_rotated.scss", """.#{$icon-css-prefix}-rotate-90 { @include icon-rotate(90deg, 1); }
.#{$icon-css-prefix}-rotate-180 { @include icon-rotate(180deg, 2); }
.#{$icon-css-prefix}-rotate-270 { @include icon-rotate(270deg, 3); }

.#{$icon-css-prefix}-flip-horizontal { @include icon-flip(-1, 1, 0); }
.#{$icon-css-prefix}-flip-vertical { @include icon-flip(1, -1, 2); }
.#{$icon-css-prefix}-flip-both, .#{$icon-css-prefix}-flip-horizontal.#{$icon-css-prefix}-flip-vertical { @include icon-flip(-1, -1, 2); }

:root {
  .#{$icon-css-prefix}-rotate-90,
  .#{$icon-css-prefix}-rotate-180,
  .#{$icon-css-prefix}-rotate-270,
  .#{$icon-css-prefix}-flip-horizontal,
  .#{$icon-css-prefix}-flip-vertical,
  .#{$icon-css-prefix}-flip-both {
    filter: none;
  }
}
""")
    write(base + "_glyphs.scss", """// One rule per glyph, from the map.
@each $name, $glyph in $icon-glyphs {
  .#{$icon-css-prefix}-#{$name}:before {
    content: $glyph;
  }
}
""")
    lines = ["// Brand glyphs, written out (aliases share a rule)."]
    for i, n in enumerate(BRANDS):
        alias = "" if i % 5 else ",\n.%s-%s-alt:before" % ("#{$icon-css-prefix}", n)
        lines.append(".#{$icon-css-prefix}-%s:before%s {\n  content: \"\\e%03x\";\n}\n" % (n, alias, 0x100 + i * 3))
    write(base + "_brands.scss", "\n".join(lines))


def scholar_syntax():
    tokens = [("c", "comment"), ("err", "error"), ("k", "keyword"), ("l", "literal"), ("n", "name"),
              ("o", "operator"), ("p", "punct"), ("cm", "comment"), ("cp", "preproc"), ("c1", "comment"),
              ("cs", "comment"), ("gd", "deleted"), ("ge", "emph"), ("gh", "heading"), ("gi", "inserted"),
              ("gs", "strong"), ("gu", "heading"), ("kc", "keyword"), ("kd", "keyword"), ("kn", "keyword"),
              ("kp", "keyword"), ("kr", "keyword"), ("kt", "type"), ("ld", "literal"), ("m", "number"),
              ("s", "string"), ("na", "attr"), ("nb", "builtin"), ("nc", "class"), ("no", "constant"),
              ("nd", "decorator"), ("ni", "entity"), ("ne", "exception"), ("nf", "function"), ("nl", "label"),
              ("nn", "namespace"), ("nx", "other"), ("py", "property"), ("nt", "tag"), ("nv", "variable"),
              ("ow", "keyword"), ("w", "whitespace"), ("mf", "number"), ("mh", "number"), ("mi", "number"),
              ("mo", "number"), ("sb", "string"), ("sc", "string"), ("sd", "string"), ("s2", "string"),
              ("se", "escape"), ("sh", "string"), ("si", "interp"), ("sx", "string"), ("sr", "regex"),
              ("s1", "string"), ("ss", "symbol"), ("bp", "builtin"), ("vc", "variable"), ("vg", "variable"),
              ("vi", "variable"), ("il", "number")]
    out = ["// Syntax highlighting: a base16-style palette mapped onto token classes.",
           "$base00: #263238 !default;", "$base01: #2e3c43 !default;", "$base02: #314549 !default;",
           "$base03: #546e7a !default;", "$base04: #b2ccd6 !default;", "$base05: #eeffff !default;",
           "$base06: #eeffff !default;", "$base07: #ffffff !default;", "$base08: #f07178 !default;",
           "$base09: #f78c6c !default;", "$base0a: #ffcb6b !default;", "$base0b: #c3e88d !default;",
           "$base0c: #89ddff !default;", "$base0d: #82aaff !default;", "$base0e: #c792ea !default;",
           "$base0f: #ff5370 !default;", "",
           "$token-colors: (",
           "  comment: $base04, error: $base0f, keyword: $base0e, literal: $base09, name: $base05,",
           "  operator: $base0c, punct: $base05, preproc: $base0a, deleted: $base08, emph: $base05,",
           "  heading: $base0d, inserted: $base0b, strong: $base05, type: $base0a, number: $base09,",
           "  string: $base0b, attr: $base0d, builtin: $base0d, class: $base0a, constant: $base08,",
           "  decorator: $base0c, entity: $base0c, exception: $base08, function: $base0d, label: $base08,",
           "  namespace: $base0a, other: $base0d, property: $base05, tag: $base08, variable: $base08,",
           "  whitespace: $base05, escape: $base09, interp: $base0f, regex: $base0c, symbol: $base0b,",
           ");", "",
           "div.highlighter-rouge,", "figure.highlight {",
           "  position: relative;", "  margin-bottom: 1em;", "  padding: 1em;",
           "  color: $base05;", "  background: $base00;", "  font-family: $monospace;",
           "  font-size: $type-size-6;", "  line-height: 1.8;", "  border-radius: $border-radius;", "",
           "  > pre,", "  pre.highlight {", "    margin: 0;", "    padding: 1em;", "  }", "}", "",
           ".highlight table {", "  font-size: 1em;", "  border: 0;", "", "  td {", "    padding: 5px;",
           "    border: 0;", "", "    &.gutter,", "    &.rouge-gutter {", "      padding-right: 1em;",
           "      color: $base03;", "      border-right: 1px solid $base02;", "    }", "  }", "", "  pre {",
           "    margin: 0;", "  }", "}", "", ".highlight {"]
    for short, kind in tokens:
        style = ""
        if kind in ("emph",):
            style = " font-style: italic;"
        elif kind in ("strong", "heading"):
            style = " font-weight: bold;"
        out.append("  .%s { color: map-get($token-colors, %s);%s } // %s" % (short, kind, style, kind))
    out += ["}", ""]
    write("scholar/_sass/layout/_syntax.scss", "\n".join(out))


COMPONENTS = ["buttons", "notices", "cards", "badges", "tags", "alerts", "tabs", "accordion",
              "modal", "tooltips", "progress", "timeline", "publications", "talks", "teaching"]


def scholar_components():
    idx = ["// Components, one partial each."]
    for i, name in enumerate(COMPONENTS):
        idx.append('@import "%s";' % name)
        colors = list(("primary", "success", "warning", "danger", "info", "gray"))
        rng.shuffle(colors)
        sizes = [("sm", 0.75), ("md", 1), ("lg", 1.25), ("xl", 1.5)][: 2 + i % 3]
        b = [".%s {" % name,
             "  position: relative;",
             "  display: %s;" % ("block" if i % 2 else "inline-block"),
             "  margin: 0 0 space(%d);" % (1 + i % 5),
             "  padding: space(2) space(%d);" % (2 + i % 3),
             "  font-size: $type-size-%d;" % (5 + i % 3),
             "  line-height: %s;" % (1.2 + (i % 4) * 0.1),
             "  border: 1px solid $skin-border;",
             "  border-radius: $border-radius * %s;" % (1 + i % 3),
             "  transition: $global-transition;",
             "",
             "  &__title {",
             "    margin: 0 0 0.5em;",
             "    font-weight: weight(bold);",
             "    @include truncate(%d);" % (1 + i % 3),
             "  }",
             "",
             "  &__body {",
             "    color: mix(#000, $skin-text, %d%%);" % (5 + i * 3 % 30),
             "",
             "    > p:last-child {",
             "      margin-bottom: 0;",
             "    }",
             "  }",
             "",
             "  @include hover-focus {",
             "    border-color: darken($skin-border, %d%%);" % (5 + i % 10),
             "    box-shadow: 0 %dpx %dpx rgba(#000, %s);" % (1 + i % 3, 2 + i % 5, round(0.05 + (i % 4) * 0.05, 2)),
             "  }",
             "",
             "  @include until(medium) {",
             "    display: block;",
             "    width: 100%;",
             "  }",
             "",
             "  @include between(medium, large) {",
             "    width: percentage(%d / 12);" % (4 + i % 6),
             "  }",
             "}",
             ""]
        b.append("@each $variant in %s {" % ", ".join(colors[: 3 + i % 4]))
        b += ["  .%s--#{$variant} {" % name,
              "    color: contrast-text(palette($variant));",
              "    background-color: palette($variant);",
              "    border-color: palette($variant, -2);",
              "",
              "    &:hover {",
              "      background-color: palette($variant, -1);",
              "    }",
              "",
              "    .%s__title {" % name,
              "      color: inherit;",
              "    }",
              "  }",
              "",
              "  .%s--#{$variant}-outline {" % name,
              "    color: palette($variant);",
              "    background: transparent;",
              "    border-color: rgba(palette($variant), 0.5);",
              "  }",
              "}",
              ""]
        for s, f in sizes:
            b += [".%s--%s {" % (name, s),
                  "  padding: %sem %sem;" % (round(0.25 * f, 4), round(0.5 * f, 4)),
                  "  font-size: %sem;" % f,
                  "}",
                  ""]
        if name == "buttons":
            b += ["@include button-variant(primary, $primary-color);",
                  "@include button-variant(inverse, #fff);",
                  "@include button-variant(light-outline, transparent);",
                  "@each $name, $color in $social {",
                  "  @include button-variant($name, $color);",
                  "}", ""]
        if name == "notices":
            b += ["@each $name, $color in $palette {",
                  "  .notice--#{$name} {",
                  "    @include notice($color);",
                  "  }",
                  "}", "",
                  ".notice {", "  @include notice($light-gray);", "}", ""]
        if name == "publications":
            b += [".publication {",
                  "  @extend %card-surface;",
                  "  counter-increment: publication;",
                  "",
                  "  &::before {",
                  "    content: \"[\" counter(publication) \"] \";",
                  "    color: $light-gray;",
                  "  }",
                  "",
                  "  &__venue { font-style: italic; }",
                  "  &__year { float: right; color: $gray; }",
                  "}", ""]
        if name == "tooltips":
            b += ["[data-tooltip] {",
                  "  position: relative;",
                  "",
                  "  &::after {",
                  "    content: attr(data-tooltip);",
                  "    position: absolute;",
                  "    bottom: calc(100% + 0.5em);",
                  "    left: 50%;",
                  "    transform: translateX(-50%) scale(0.9);",
                  "    opacity: 0;",
                  "    background: rgba($darker-gray, 0.95);",
                  "    color: #fff;",
                  "    white-space: nowrap;",
                  "    z-index: z(toast);",
                  "  }",
                  "",
                  "  &:hover::after {",
                  "    opacity: 1;",
                  "    transform: translateX(-50%) scale(1);",
                  "  }",
                  "}", ""]
        write("scholar/_sass/components/_%s.scss" % name, "\n".join(b))
    write("scholar/_sass/components/_index.scss", "\n".join(idx) + "\n")


def scholar_utilities():
    write("scholar/_sass/utilities/_index.scss",
          '@import "spacing";\n@import "display";\n@import "text";\n@import "flex";\n@import "visibility";\n')
    write("scholar/_sass/utilities/_spacing.scss", """$spacing-properties: (m: margin, p: padding);
$spacing-sides: (t: top, r: right, b: bottom, l: left);

@each $abbr, $property in $spacing-properties {
  @each $key, $size in $spacers {
    .#{$abbr}-#{$key} {
      #{$property}: $size !important;
    }

    @each $side-abbr, $side in $spacing-sides {
      .#{$abbr}#{$side-abbr}-#{$key} {
        #{$property}-#{$side}: $size !important;
      }
    }

    .#{$abbr}x-#{$key} {
      #{$property}-left: $size !important;
      #{$property}-right: $size !important;
    }

    .#{$abbr}y-#{$key} {
      #{$property}-top: $size !important;
      #{$property}-bottom: $size !important;
    }
  }
}

.mx-auto {
  margin-left: auto !important;
  margin-right: auto !important;
}
""")
    write("scholar/_sass/utilities/_display.scss", """$displays: none, inline, inline-block, block, table, table-row, table-cell, flex, inline-flex, grid;

@each $value in $displays {
  .d-#{$value} {
    display: $value !important;
  }
}

@each $bp, $width in $breakpoints {
  @include breakpoint($width) {
    @each $value in $displays {
      .d-#{$bp}-#{$value} {
        display: $value !important;
      }
    }
  }
}
""")
    write("scholar/_sass/utilities/_text.scss", """@each $align in left, right, center, justify {
  .text-#{$align} {
    text-align: $align !important;
  }
}

@each $name, $color in $palette {
  .text-#{$name} {
    color: $color !important;
  }

  a.text-#{$name}:hover,
  a.text-#{$name}:focus {
    color: darken($color, 10%) !important;
  }

  .bg-#{$name} {
    background-color: $color !important;
  }
}

.text-truncate {
  @include truncate;
}

.text-lowercase { text-transform: lowercase !important; }
.text-uppercase { text-transform: uppercase !important; }
.text-capitalize { text-transform: capitalize !important; }
""")
    write("scholar/_sass/utilities/_flex.scss", """.flex-row { flex-direction: row !important; }
.flex-column { flex-direction: column !important; }

@each $value in start, end, center, between, around {
  .justify-content-#{$value} {
    justify-content: if($value == start or $value == end, flex-#{$value}, if($value == center, center, space-#{$value})) !important;
  }
}

@each $value in start, end, center, baseline, stretch {
  .align-items-#{$value} {
    align-items: if($value == start or $value == end, flex-#{$value}, $value) !important;
  }
}

@for $i from 1 through 12 {
  .col-#{$i} {
    flex: 0 0 percentage($i / 12);
    max-width: percentage($i / 12);
  }
}
""")
    write("scholar/_sass/utilities/_visibility.scss", """.sr-only {
  @include visually-hidden;
}

.visible { visibility: visible !important; }
.invisible { visibility: hidden !important; }

@each $name, $width in $breakpoints {
  .hidden-#{$name}-up {
    @include breakpoint($width) {
      display: none !important;
    }
  }

  .hidden-#{$name}-down {
    @include breakpoint(max-width ($width - 1px)) {
      display: none !important;
    }
  }
}

.z-overlay { z-index: z(overlay); }
.z-modal { z-index: z(modal); }
""")


if __name__ == "__main__":
    scholar_icons()
    scholar_syntax()
    scholar_components()
    scholar_utilities()
