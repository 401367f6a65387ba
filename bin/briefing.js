#!/usr/bin/env node
// CommonJS (see bin/package.json): Node starts a CommonJS entry sooner than an ES module.
'use strict';

// `briefing --version` alone is answered before the command line's modules
// load (loading them is most of its time); everything else goes to main().
const only = process.argv.length === 3 ? process.argv[2] : undefined;
if (only === '--version' || only === '-V') {
  process.stdout.write(require('../package.json').version + '\n');
} else {
  const { main } = require('./cli-loader.js').loadCli();

  // `briefing --help | head`: a reader that goes away before help, a schema or a
  // label config is written ends the run as a shell expects (141), without a trace.
  // Other errors (a full disk) are reported by the writer that met them.
  // An extraction writes stdout through its own writer, which stops the run cleanly: leave it to that one.
  process.stdout.on('error', (e) => {
    if (e && e.code === 'EPIPE' && process.stdout.listenerCount('error') === 1) process.exit(141);
  });

  void main(process.argv).then((code) => {
    // Interrupted, or the reader of stdout went away: every output is either
    // complete or still a temp file, so leave at once (a terminal or pipe on
    // stdin must not keep the process waiting).
    if (code === 130 || code === 141) process.exit(code);
    process.exitCode = code;
    // Nothing more will be read: an open terminal on stdin must not hold the process.
    if (!process.stdin.destroyed && process.stdin.readableFlowing !== null) process.stdin.destroy();
  });
}
