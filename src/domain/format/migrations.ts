/**
 * Migrations of the session file: pure functions from version n to version n + 1, applied in
 * turn at every load (an imported file, a row read from the database). Each older version keeps
 * its example files in docs/format/examples/v<n>/, migrated by the tests.
 */
import { FORMAT_VERSION } from './schema';

export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  // Version 2 only adds optional fields and enumeration values: a version 1 session is valid as it is.
  1: (file) => file,
};

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
