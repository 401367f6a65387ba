// Bundles the CLI and the library into dist/ with esbuild: one file each loads
// faster than hundreds of small ESM modules, which matters for CLI start-up.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { asciiSource } from './ascii.mjs';

// The fold's traditional → simplified table, from OpenCC's data when opencc-js is installed.
execFileSync(process.execPath, [new URL('./fold-table.mjs', import.meta.url).pathname], { stdio: ['ignore', 'ignore', 'inherit'] });

// Chunk names carry content hashes: start clean so stale chunks never pile up.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

// commander loads node:child_process (and with it net, dgram, streams …) for
// executable subcommands, which briefing has none of: hand it a stand-in that
// loads the real module on first use, and start-up skips that work.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let real; const load = () => (real ??= require('node:child_process')); module.exports = new Proxy({}, { get: (_, k) => load()[k], has: (_, k) => k in load() });",
      loader: 'js',
    }));
  },
};

const esmBanner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

const common = {
  plugins: [lazyChildProcess],
  // Less text to parse at every start; names are kept for readable stack traces and profiles.
  minifyWhitespace: true,
  minifySyntax: true,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  // iconv-lite carries the tables of every encoding it knows; bundled, they are
  // parsed at every start. Left in node_modules it loads only GB18030's, and
  // only when a file needs it. pdf.js (its worker module and CMaps beside it) and
  // word-extractor are loaded from node_modules too, and only for their formats.
  external: ['iconv-lite', 'pdfjs-dist', 'pdfjs-dist/*', 'word-extractor'],
};

// The library and the worker: ESM, split into chunks that load on demand.
await build({
  ...common,
  entryPoints: {
    index: 'src/index.ts',
    worker: 'src/cli/worker.ts',
  },
  outdir: 'dist',
  format: 'esm',
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: esmBanner },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});

// The command line: one CommonJS file, which bin/cli-loader.js compiles with
// the V8 code cache made below (Node 20 keeps no compile cache for ESM). Its
// modules for other formats are bundled in but run only when first needed.
await build({
  ...common,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  external: [...common.external, 'zod', 'yaml', 'parse5'],
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // import() becomes require(): the bundled modules are in this one file, and
  // pdf.js (an ES module outside it) loads through Node's require of ES modules.
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__briefing_module_url' },
  banner: { js: "const __briefing_module_url = require('node:url').pathToFileURL(__filename).href;" },
});

// Every file ASCII, so it loads as a one-byte string (see ascii.mjs).
for (const f of readdirSync(new URL('../dist', import.meta.url), { recursive: true }).map(String)) {
  if (!/\.c?js$/.test(f)) continue;
  const url = new URL(`../dist/${f}`, import.meta.url);
  const text = readFileSync(url, 'utf8');
  if (/[^\x00-\x7f]/.test(text)) writeFileSync(url, asciiSource(text));
}

// The code cache of the command line, made by running it once on the bundled sample.
execFileSync(process.execPath, [new URL('./code-cache.mjs', import.meta.url).pathname], { stdio: ['ignore', 'ignore', 'inherit'] });

// Type declarations for library users (dist/types, named by package.json "types").
// TypeScript is a development tool: an install without it (`npm install -g .`
// from a clone) builds the command line and the library, without declarations.
let tsc = null;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  console.error('briefing build: typescript is not installed, so dist/types is not written (the command line is built).');
}
if (tsc) execFileSync(process.execPath, [tsc, '-p', new URL('../tsconfig.build.json', import.meta.url).pathname], { stdio: 'inherit' });
