/**
 * The command line: a thin layer over the library. Returns the exit code,
 * never calls process.exit (bin/briefing.js sets it).
 *   0   every input converted
 *   1   the run finished but at least one input failed (or was not reached)
 *   2   usage error, or an output that could not be written
 *   130 interrupted (Ctrl-C / SIGTERM)
 *   141 the reader of stdout went away (`| head`)
 */
import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { DEFAULT_MAX_SIZE, EXTRACT_OPTIONS, type ExtractFlags } from './options.js';
import { processIo, UsageError, type Io } from './io.js';

/** The worker entry sits beside this file in dist/ (the bundle keeps cli.js and worker.js together). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

const EXIT_CODES = `
Exit codes:
  0    every input converted (warnings may have been emitted)
  1    the run finished, but at least one input failed or was not reached
  2    usage error, or an output (-o, --report, stdout) could not be written
  130  interrupted by Ctrl-C or SIGTERM
  141  the reader of stdout went away (| head)`;

const EXTRACT_EXAMPLES = `
Examples:
  briefing extract briefing.txt                      one Document as JSON
  briefing extract archive/ -f ndjson > all.ndjson   every *.txt below archive/, one record a line
  briefing extract archive/ --out-dir out/           out/2023/03.json for archive/2023/03.txt …
  briefing extract a.txt -t people --bom -o p.csv    the people table, for Excel
  find archive -name '*.txt' -print0 | briefing extract --files-from - --null --out-dir out
${EXIT_CODES}`;

const EVAL_EXAMPLES = `
Examples:
  briefing eval gold/*.json --corpus corpus/         scores per record (GOLD.md)
  briefing eval gold/*.json --corpus corpus/ --doc   per document, as the issues measure
  briefing eval gold/*.json --by-rule                which rule made each right and wrong value
${EXIT_CODES}`;

/** Colour off when NO_COLOR is set (https://no-color.org) or --no-color is given. */
async function applyColor(io: Io, argv: string[]): Promise<void> {
  if ((io.env.NO_COLOR ?? '') !== '' || argv.includes('--no-color')) {
    const { default: chalk } = await import('chalk');
    chalk.level = 0;
  }
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const program = new Command();
  let result: Promise<number> = Promise.resolve(0);
  await applyColor(io, argv);
  program
    .name('briefing')
    .description('Turn Chinese university cooperation briefings (工作简报, 高校动态 …) into structured data.')
    .version(pkg.version, '-V, --version')
    .option('--no-color', 'no colour in the output (also when NO_COLOR is set)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // One line: `briefing: unknown option '--x' (see briefing --help)`.
      outputError: (s, write) => write(`briefing: ${s.replace(/^error:\s*/, '').trim().replace(/\s*\n\s*/g, ' ')} (see "briefing --help")\n`),
    })
    .addHelpText('after', EXIT_CODES);

  const extract = program
    .command('extract')
    .description('extract briefings: files, folders, globs or "-" for stdin (the default)')
    .argument('[inputs...]', 'files, folders (see --glob), globs, or - for stdin')
    .addHelpText('after', EXTRACT_EXAMPLES);
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
    .addHelpText('after', EXIT_CODES)
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
    .option('--doc', 'score per document: entities as sets over each document, as the issues measure')
    .option('--by-rule', 'per rule (the `via` of each value): how many of its values were right and wrong')
    .option('--json', 'print the scores as JSON')
    .option('-v, --verbose', 'list every miss and extra')
    .addHelpText('after', EVAL_EXAMPLES)
    .action((gold: string[], flags: { corpus?: string; json?: boolean; verbose?: boolean; doc?: boolean; byRule?: boolean }) => {
      result = import('./eval.js').then((m) => m.runEval(gold, flags, io));
    });

  program
    .command('summarize')
    .description('the archive in one view: the party register, counts by year and partner type, agreements, top partners and people')
    .argument('[inputs...]', 'files, folders (see --glob) or globs')
    .option('-f, --format <format>', 'json (the whole summary), csv (the party register) or html (a report page with charts)', 'json')
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .option('--out-dir <dir>', 'write every part: summary.json, register.csv, by-year-type.csv, agreements-by-year.csv, top-partners.csv, top-people.csv, network.csv, report.html')
    .option('--glob <pattern>', 'files to take from a folder input', '**/*.{txt,pdf,docx,doc,html,htm}')
    .option('--hidden', 'also take hidden files and folders')
    .option('--files-from <file>', 'read input paths from FILE ("-" for stdin), one a line')
    .option('--null', 'with --files-from: NUL-separated paths')
    .option('--lexicon <file>', 'your own words (JSON or YAML): aliases merge sides in the register')
    .option('--year <year>', 'base year for dates whose year is printed nowhere')
    .option('--max-size <bytes>', 'refuse larger inputs', DEFAULT_MAX_SIZE)
    .option('--bom', 'CSV for Excel (a byte-order mark; formula-like cells marked as text)')
    .option('-j, --jobs <n>', 'threads that extract')
    .option('-q, --quiet', 'no summary line on stderr')
    .addHelpText('after', `
Examples:
  briefing summarize archive/                       the summary as JSON
  briefing summarize archive/ -f html -o report.html
  briefing summarize archive/ --out-dir summary/ --lexicon aliases.yaml
${EXIT_CODES}`)
    .action((inputs: string[], flags: import('./summarize.js').SummarizeFlags) => {
      result = import('./summarize.js').then((m) => m.runSummarize(inputs, flags, io, WORKER_URL));
    });

  program
    .command('gold')
    .description('turn a corrected Label Studio export (of -f label-studio tasks) into gold files for eval')
    .argument('<export>', "Label Studio's JSON export")
    .option('--out-dir <dir>', 'where the gold files go (NAME.json for each task of NAME.txt)')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText('after', `
Examples:
  briefing extract archive/ -f label-studio -o tasks.json    tasks with the extraction as predictions
  briefing extract --label-config > config.xml               the project's labeling config
  briefing gold export.json --out-dir gold/                  corrected export → gold files
  briefing eval gold/*.json --corpus archive/                how the extraction scores against them
${EXIT_CODES}`)
    .action((exportPath: string, flags: { outDir?: string; quiet?: boolean }) => {
      result = import('./gold.js').then((m) => m.runGold(exportPath, flags, io));
    });

  // Commander's own messages are one line too.
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`briefing: ${s.replace(/^error:\s*/, '').trim().replace(/\s*\n\s*/g, ' ')} (see "briefing ${cmd === program ? '' : cmd.name() + ' '}--help")\n`),
    });
  }

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
