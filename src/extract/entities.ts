/** People, parties, agreements and institutions of one record. */
import type { Agreement, Institution, Party, Person, Warning } from '../schema/index.js';
import type { Piece } from '../text/piece.js';

export interface Entities {
  people: Person[];
  parties: Party[];
  agreements: Agreement[];
  institutions: Institution[];
}

export function extractEntities(_title: Piece | null, _body: Piece, _warnings: Warning[]): Entities {
  return { people: [], parties: [], agreements: [], institutions: [] };
}
