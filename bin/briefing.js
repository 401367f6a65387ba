#!/usr/bin/env node
import { main } from '../dist/cli.js';

main(process.argv).then((code) => {
  // Interrupted, or the reader of stdout went away: every output is either
  // complete or still a temp file, so leave at once (a terminal or pipe on
  // stdin must not keep the process waiting).
  if (code === 130 || code === 141) process.exit(code);
  process.exitCode = code;
  // Nothing more will be read: an open terminal on stdin must not hold the process.
  if (!process.stdin.destroyed && process.stdin.readableFlowing !== null) process.stdin.destroy();
});
