// Bundles the CLI and the library into dist/ with esbuild: one file each loads
// faster than hundreds of small ESM modules, which matters for CLI start-up.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start clean so stale chunks never pile up.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  // iconv-lite carries the tables of every encoding it knows; bundled, they are
  // parsed at every start. Left in node_modules it loads only GB18030's, and
  // only when a file needs it.
  external: ['iconv-lite'],
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};

await build({
  ...common,
  entryPoints: {
    cli: 'src/cli/main.ts',
    index: 'src/index.ts',
    worker: 'src/cli/worker.ts',
  },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
