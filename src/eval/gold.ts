/** The gold file format (docs/GOLD.md): what a careful reader extracts. */
import { z } from 'zod';

const GoldDate = z.object({ start: z.string(), end: z.string(), year: z.string().optional() });

export const GoldRecord = z.object({
  index: z.number().int(),
  anchor: z.string(),
  section: z.string(),
  title: z.string().nullable(),
  date: GoldDate.nullable(),
  dates: z.array(z.object({ start: z.string(), end: z.string(), text: z.string().optional() })),
  people: z.array(z.object({ name: z.string(), title: z.string().nullable() })),
  parties: z.array(z.object({ name: z.string(), type: z.string() })),
  agreements: z.array(z.object({ kind: z.string(), text: z.string() })),
  institutions: z.array(z.string()).optional(),
  source: z.string().nullable().optional(),
});
export type GoldRecord = z.infer<typeof GoldRecord>;

export const GoldFile = z.object({
  file: z.string(),
  briefing: z.object({
    title: z.string().nullable(),
    issue: z.object({ text: z.string(), year: z.number().nullable(), number: z.number().nullable(), total: z.number().nullable() }).nullable(),
    publisher: z.string().nullable(),
    date: z.string().nullable(),
    recipients: z.object({ to: z.array(z.string()), cc: z.array(z.string()) }),
  }),
  records: z.array(GoldRecord),
});
export type GoldFile = z.infer<typeof GoldFile>;
