// Loads the command line (dist/cli.cjs, one CommonJS file) with the V8 code
// cache the build made of it (dist/cli.cache): a run then starts from the
// compiled code of every function the build's sample run used, instead of
// parsing and compiling them again (Node 20 keeps no compile cache for ESM).
// A cache that V8 refuses (another Node, other V8 flags, a stale file) only
// costs that time: the source is compiled as usual.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const CLI_FILE = join(__dirname, '..', 'dist', 'cli.cjs');
const CACHE_FILE = join(__dirname, '..', 'dist', 'cli.cache');

/**
 * The command line's module; the script it was compiled from (whose
 * createCachedData makes the cache); whether V8 refused the cache (null: none read).
 */
function loadCli({ cache = true } = {}) {
  const v8 = require('node:v8');
  // Only flags V8 reads afresh each time it uses them may be set here, once V8
  // is running; they are set before the cache is read, as the build makes the
  // cache under the same flags and V8 takes a cache only under the flags it was
  // made with.
  //
  // V8 runs a regular expression in its interpreter first and compiles it to
  // machine code once it has run: a short run compiled most of the rules'
  // expressions twice. With no tick before the compiler, every expression made
  // from here on starts as V8 starts one it meets on a long text (marked for the
  // compiler), and a one-file run takes about 10 ms less. Turning the
  // interpreter off instead (`--no-regexp-tier-up`) left the expressions made
  // before in a state V8 no longer expected, and about one run in 300 under load
  // crashed inside V8's regular-expression code (SIGSEGV, exit 139).
  v8.setFlagsFromString('--regexp-tier-up-ticks=0');
  // After a full collection V8 lets a heap grow to as much as four times what
  // survived before it collects again, and for one large file (whose document
  // is held whole until its sections are known) that garbage was most of the
  // peak. 1.3 times, the factor V8 itself falls back to when memory is short,
  // took one 20 MB file from 460 MB to 280-310 MB at about a tenth more CPU;
  // a run of small files, whose heap stays small, takes the same time. V8 reads
  // it at every full collection, in every thread.
  v8.setFlagsFromString('--heap-growing-percent=30');
  // The build writes the file in ASCII, so reading it as latin1 gives its text.
  const source = readFileSync(CLI_FILE, 'latin1');
  let cachedData;
  if (cache) {
    try {
      cachedData = readFileSync(CACHE_FILE);
    } catch {
      cachedData = undefined;
    }
  }
  // The bundle has no import(): see scripts/build.mjs.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: CLI_FILE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(CLI_FILE), module, CLI_FILE, dirname(CLI_FILE));
  return { main: module.exports.main, script, cacheRejected: cachedData === undefined ? null : script.cachedDataRejected === true };
}

module.exports = { CLI_FILE, CACHE_FILE, loadCli };
