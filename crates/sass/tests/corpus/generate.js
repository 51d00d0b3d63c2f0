// Writes the expected CSS of the hyde-sass corpus with dart-sass.
//
//   cd crates/sass/tests/corpus && npm ci && node generate.js
//
// Every `cases/*.scss|sass` file and every `themes/<name>/main.scss` is
// compiled in the `expanded` and the `compressed` style, with the same load
// paths the Rust test gives hyde-sass (`lib/` for cases, the theme's `_sass/`
// for themes). The CSS is written exactly as `compileString` returns it.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const sass = require('sass');

const root = __dirname;
const styles = ['expanded', 'compressed'];

function inputs() {
  const list = [];
  const casesDir = path.join(root, 'cases');
  for (const name of fs.readdirSync(casesDir).sort()) {
    const ext = path.extname(name);
    if ((ext === '.scss' || ext === '.sass') && !name.startsWith('_')) {
      list.push({
        id: path.basename(name, ext),
        file: path.join(casesDir, name),
        loadPaths: [path.join(root, 'lib')],
      });
    }
  }
  const themesDir = path.join(root, 'themes');
  for (const name of fs.readdirSync(themesDir).sort()) {
    const file = path.join(themesDir, name, 'main.scss');
    if (fs.existsSync(file)) {
      list.push({
        id: 'theme-' + name,
        file,
        loadPaths: [path.join(themesDir, name, '_sass')],
      });
    }
  }
  return list;
}

let failures = 0;
for (const style of styles) {
  const outDir = path.join(root, 'expected', style);
  fs.mkdirSync(outDir, { recursive: true });
  for (const input of inputs()) {
    const source = fs.readFileSync(input.file, 'utf8');
    try {
      const result = sass.compileString(source, {
        style,
        syntax: input.file.endsWith('.sass') ? 'indented' : 'scss',
        url: pathToFileURL(input.file),
        loadPaths: input.loadPaths,
        logger: sass.Logger.silent,
      });
      fs.writeFileSync(path.join(outDir, input.id + '.css'), result.css);
    } catch (err) {
      failures += 1;
      console.error(`${input.id} (${style}): ${err.message}`);
    }
  }
}
console.log(`dart-sass ${sass.info.split('\t')[1]}: ${inputs().length} inputs, ${failures} failures`);
process.exit(failures ? 1 : 0);
