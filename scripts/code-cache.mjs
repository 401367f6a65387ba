// Makes dist/cli.cache, the V8 code cache bin/cli-loader.js compiles the
// command line with: the command line runs on the bundled sample (as JSON and
// as NDJSON, to standard output, which the build discards), and the cache then
// holds the compiled code of every function those runs used.
import { renameSync, writeFileSync } from 'node:fs';
import { CACHE_FILE, loadCli } from '../bin/cli-loader.js';

const sample = new URL('../fixtures/sample/briefing.txt', import.meta.url).pathname;
const { main, script } = loadCli({ cache: false });
for (const format of ['json', 'ndjson']) {
  const code = await main(['node', 'briefing', 'extract', sample, '-f', format]);
  if (code !== 0) throw new Error(`briefing build: the sample run for the code cache exited with ${code}`);
}
const temp = `${CACHE_FILE}.${process.pid}.tmp`;
writeFileSync(temp, script.createCachedData());
renameSync(temp, CACHE_FILE);
