/**
 * One small instance of each class that extraction makes afresh for every
 * document or record (a line table, an organisation reader, a piece …), held
 * for the life of the module.
 *
 * V8 reaches an instance's hidden class (its map) from the constructor
 * through transitions it holds weakly. When a full collection finds no
 * instance of a class alive — between two documents, while the command line
 * waits for a read — that map is collected, and every optimised function that
 * embedded it is thrown away ("marking dependent code … reason: weak objects"
 * under --trace-deopt) and compiled again once it is hot. Over a 1,000-file
 * archive that came to 80–490 functions thrown away and several seconds of
 * compiling on V8's background thread, more than a tenth of the run's CPU;
 * with one instance of each held, none are. The instances are made with empty
 * inputs and never read.
 */
const held: object[] = [];

/** Holds `instance` for the life of the process, so its class's map stays alive. */
export function keepShape(instance: object): void {
  held.push(instance);
}

/** How many instances are held (for a test that each class keeps one). */
export function keptShapes(): readonly object[] {
  return held;
}
