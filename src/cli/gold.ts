/**
 * `briefing gold EXPORT.json --out-dir DIR`: a corrected Label Studio export →
 * gold files (docs/GOLD.md) that `briefing eval` reads. Every file is written
 * atomically; two tasks that would write one gold file are refused before
 * anything is written (exit 2); a task with no annotation is reported and the
 * run exits 1 (its gold would be missing).
 */
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { LabelStudioExport, goldOfTask } from '../eval/labelstudio.js';
import { describeFsError, writeAtomic } from './fsutil.js';
import { absolute, escapeControls, fromText } from './paths.js';
import { UsageError, type Io } from './io.js';

export async function runGold(exportPath: string, flags: { outDir?: string; quiet?: boolean }, io: Io): Promise<number> {
  if (!flags.outDir) throw new UsageError('gold needs --out-dir DIR: where the gold files go');
  let tasks: LabelStudioExport;
  try {
    const parsed = LabelStudioExport.safeParse(JSON.parse(await readFile(exportPath, 'utf8')));
    if (!parsed.success) throw new UsageError(`${escapeControls(exportPath)}: not a Label Studio JSON export of briefing tasks (${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message})`);
    tasks = parsed.data;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${escapeControls(exportPath)}: ${e instanceof SyntaxError ? `not JSON (${e.message})` : describeFsError(e)}`);
  }
  const out = absolute(fromText(flags.outDir));
  const planned = new Map<string, string>();
  const golds: Array<{ path: string; shown: string; text: string }> = [];
  let missing = 0;
  tasks.forEach((task, k) => {
    const g = goldOfTask(task);
    const label = `task ${task.id ?? k + 1} (${task.data.file})`;
    if (!g) {
      io.stderr.write(`briefing: ${escapeControls(label)}: no annotation to read (annotate it, or take the predictions as one in Label Studio)\n`);
      missing++;
      return;
    }
    const path = posix.join(out, fromText(g.name));
    const had = planned.get(path);
    if (had) throw new UsageError(`${escapeControls(had)} and ${escapeControls(label)} would both write ${escapeControls(posix.join(flags.outDir!, g.name))}`);
    planned.set(path, label);
    golds.push({ path, shown: posix.join(flags.outDir!, g.name), text: JSON.stringify(g.gold, null, 2) + '\n' });
  });
  let failed = 0;
  for (const g of golds) {
    try {
      await writeAtomic(g.path, g.text);
    } catch (e) {
      io.stderr.write(`briefing: cannot write ${escapeControls(g.shown)}: ${describeFsError(e)}\n`);
      failed++;
    }
  }
  if (!flags.quiet) io.stderr.write(`${golds.length - failed} gold files written, ${missing} tasks without an annotation${failed ? `, ${failed} not written` : ''}\n`);
  return failed > 0 ? 2 : missing > 0 ? 1 : 0;
}
