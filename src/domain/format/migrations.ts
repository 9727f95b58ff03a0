/**
 * Migrations of the session file: pure functions from version n to version n + 1, applied in
 * turn at every load. Version 1 is the first version of the format, so the table is empty;
 * the next change of the format adds `1: (file) => …` here, with an example file of version 1
 * kept in tests/fixtures.
 */
import { FORMAT_VERSION } from './schema';

export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Brings a raw file of `version` up to the current version. Throws if a step is missing. */
export function migrateToCurrent(
  file: Record<string, unknown>,
  version: number,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target: number = FORMAT_VERSION,
): Record<string, unknown> {
  let current = file;
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) throw new Error(`Aucune migration connue de la version ${v} à la version ${v + 1}.`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
