// Records the warnings dart-sass prints for every corpus input.
//
//   cd crates/sass/tests/corpus && npm ci && node warnings.js
//
// Same inputs and load paths as generate.js, plus `warnings/*.scss` (load
// path `warnings/lib`), which only this script uses; expanded style. For each input
// `expected/warnings.json` holds:
//   all:     every warning in the order dart-sass emits it, as with
//            `verbose: true` (no repetition limit): kind (a deprecation id
//            such as `slash-div`, or `warn` / `debug`), file (relative to
//            this directory), 1-based line and column, and the message;
//   omitted: the count in dart-sass's "N repetitive deprecation warnings
//            omitted" line without `verbose`;
//   quiet:   the kinds and locations left with `quietDeps: true` (verbose).
// `expected/warnings-stderr/<id>.txt` holds what dart-sass prints on stderr
// by default (the format jekyll-sass-converter shows), for inputs that warn.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL, fileURLToPath } = require('url');
const sass = require('sass');

const root = __dirname;

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
  // Inputs only for warnings (their CSS is not part of the CSS corpus).
  const warnDir = path.join(root, 'warnings');
  for (const name of fs.readdirSync(warnDir).sort()) {
    if (name.endsWith('.scss') && !name.startsWith('_')) {
      list.push({
        id: 'warnings-' + path.basename(name, '.scss'),
        file: path.join(warnDir, name),
        loadPaths: [path.join(warnDir, 'lib')],
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

function rel(url) {
  if (!url) return null;
  const p = url.protocol === 'file:' ? fileURLToPath(url) : String(url);
  return path.relative(root, p).split(path.sep).join('/');
}

// Compiles `input` and returns the warnings a logger sees, plus the text of
// the repetition summary if dart-sass printed one.
function run(input, extra) {
  const seen = [];
  let summary = null;
  const logger = {
    warn(message, opts) {
      const span = opts.span;
      if (!span && opts.stack && !/repetitive deprecation warnings omitted/.test(message)) {
        // `@warn` comes with a stack trace but no span; its first frame
        // reads `file line:column  member`.
        const m = /^(\S.*?) (\d+):(\d+) /.exec(opts.stack.split('\n')[0]);
        seen.push({
          kind: 'warn',
          file: m ? rel(pathToFileURL(path.resolve(root, m[1]))) : null,
          line: m ? +m[2] : 0,
          column: m ? +m[3] : 0,
          message,
        });
        return;
      }
      if (!span) {
        summary = message;
        return;
      }
      seen.push({
        kind: opts.deprecation ? (opts.deprecationType ? opts.deprecationType.id : 'deprecation') : 'warn',
        file: rel(span.url),
        line: span.start.line + 1,
        column: span.start.column + 1,
        message,
      });
    },
    debug(message, opts) {
      seen.push({
        kind: 'debug',
        file: rel(opts.span.url),
        line: opts.span.start.line + 1,
        column: opts.span.start.column + 1,
        message,
      });
    },
  };
  const source = fs.readFileSync(input.file, 'utf8');
  try {
    sass.compileString(source, {
      style: 'expanded',
      syntax: input.file.endsWith('.sass') ? 'indented' : 'scss',
      url: pathToFileURL(input.file),
      loadPaths: input.loadPaths,
      logger,
      ...extra,
    });
  } catch (err) {
    return { error: err.message, seen, summary };
  }
  return { seen, summary };
}

const out = {};
const stderrDir = path.join(root, 'expected', 'warnings-stderr');
fs.rmSync(stderrDir, { recursive: true, force: true });
fs.mkdirSync(stderrDir, { recursive: true });
let warned = 0;
for (const input of inputs()) {
  const all = run(input, { verbose: true });
  if (all.error) {
    console.error(`${input.id}: ${all.error}`);
    continue;
  }
  const limited = run(input, {});
  const quiet = run(input, { quietDeps: true, verbose: true });
  const omitted = limited.summary ? parseInt(limited.summary, 10) : 0;
  out[input.id] = {
    all: all.seen,
    omitted,
    quiet: quiet.seen.map((w) => `${w.kind} ${w.file}:${w.line}:${w.column}`),
  };
  if (all.seen.length) {
    warned += 1;
    // The default logger's text, as jekyll-sass-converter prints it.
    const { spawnSync } = require('child_process');
    const cli = path.join(root, 'node_modules', 'sass', 'sass.js');
    const args = [cli, '--no-source-map', '--no-color'];
    for (const lp of input.loadPaths) args.push('--load-path=' + path.relative(root, lp));
    args.push(path.relative(root, input.file));
    const res = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    fs.writeFileSync(path.join(stderrDir, input.id + '.txt'), res.stderr);
  }
}
fs.writeFileSync(path.join(root, 'expected', 'warnings.json'), JSON.stringify(out, null, 1) + '\n');
console.log(`dart-sass ${sass.info.split('\t')[1]}: ${Object.keys(out).length} inputs, ${warned} with warnings`);
