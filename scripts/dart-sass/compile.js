// Compiles the Liquid-rendered Sass pages written by render-liquid.rb with dart-sass.
//
//   node compile.js RENDERED_DIR OUT_DIR
//
// For every .scss/.sass file under RENDERED_DIR, writes OUT_DIR/<same path>.css containing exactly
// what `compileString` returns, in the site's `sass.style` (Jekyll's default: expanded), with the
// site's load paths as jekyll-sass-converter computes them (`sass_dir` when not recorded).
// No source maps.
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const sass = require('sass');

const [renderedDir, outDir] = process.argv.slice(2);
const settings = JSON.parse(fs.readFileSync(path.join(renderedDir, 'sass.json'), 'utf8'));
const style = settings.style === 'compressed' ? 'compressed' : 'expanded';

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

let failures = 0;
for (const file of walk(renderedDir).sort()) {
  const ext = path.extname(file);
  if (ext !== '.scss' && ext !== '.sass') continue;
  const rel = path.relative(renderedDir, file);
  try {
    const result = sass.compileString(fs.readFileSync(file, 'utf8'), {
      style,
      syntax: ext === '.sass' ? 'indented' : 'scss',
      url: pathToFileURL(file),
      loadPaths: settings.load_paths || [settings.sass_dir],
      logger: sass.Logger.silent,
    });
    const target = path.join(outDir, rel.slice(0, -ext.length) + '.css');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, result.css);
  } catch (err) {
    failures += 1;
    console.error(`${rel}: ${err.message}`);
  }
}
process.exit(failures ? 1 : 0);
