/**
 * The command line: a thin layer over the library. Returns the exit code,
 * never calls process.exit (bin/briefing.js sets it).
 *   0  every input converted
 *   1  the run finished but at least one input failed
 *   2  usage error, or an output that could not be written
 *   130 interrupted (Ctrl-C / SIGTERM)
 */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { EXTRACT_OPTIONS, type ExtractFlags } from './options.js';
import { processIo, UsageError, type Io } from './io.js';

/** The worker entry sits beside this file in dist/ (the bundle keeps cli.js and worker.js together). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = new Command();
  let result: Promise<number> = Promise.resolve(0);
  program
    .name('briefing')
    .description('Turn Chinese university cooperation briefings (工作简报, 高校动态 …) into structured data.')
    .version(pkg.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run "briefing --help" for usage)');

  const extract = program
    .command('extract')
    .description('extract briefings: files, folders, globs or "-" for stdin (the default)')
    .argument('[inputs...]', 'files, folders (see --glob), globs, or - for stdin');
  for (const o of EXTRACT_OPTIONS) {
    const opt = new Option(o.flags, o.description);
    if (o.default !== undefined) opt.default(o.default);
    extract.addOption(opt);
  }
  extract.action((inputs: string[], flags: ExtractFlags) => {
    result = import('./extract.js').then((m) => m.runExtract(inputs, flags, io, WORKER_URL));
  });

  program
    .command('schema')
    .description('print the JSON Schema of the output (generated from the zod schemas)')
    .action(() => {
      result = import('../schema/index.js').then((m) => {
        io.stdout.write(JSON.stringify(m.documentJsonSchema(), null, 2) + '\n');
        return 0;
      });
    });

  program
    .command('eval')
    .description('score extraction against gold files (see docs/GOLD.md)')
    .argument('<gold...>', 'gold JSON files')
    .option('--corpus <dir>', 'folder holding the source texts (default: beside each gold file)')
    .option('--json', 'print the scores as JSON')
    .option('-v, --verbose', 'list every miss and extra')
    .action((gold: string[], flags: { corpus?: string; json?: boolean; verbose?: boolean }) => {
      result = import('./eval.js').then((m) => m.runEval(gold, flags, io));
    });

  try {
    await program.parseAsync(argv);
    return await result;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`briefing: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`briefing: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}
