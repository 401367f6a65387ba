// npm runs `prepare` after `npm ci` and `npm install` (the dependencies are
// there), but also for `npm install -g .` and `npm link` in a fresh clone,
// where it installs nothing in the folder first. Then the dependencies are
// installed here, from the lockfile and the npm registry only, before the build.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

try {
  createRequire(import.meta.url).resolve('esbuild');
} catch {
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm]] : ['npm', []];
  console.error('briefing: installing the build tools from package-lock.json (npm ci --ignore-scripts) …');
  // Inside `npm install -g`, npm's settings say "global": this install is the folder's own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_(global|location|prefix)$/i.test(k)));
  execFileSync(cmd, [...args, 'ci', '--ignore-scripts', '--no-audit', '--no-fund'], { stdio: 'inherit', cwd: new URL('..', import.meta.url), env });
}
await import('./build.mjs');
