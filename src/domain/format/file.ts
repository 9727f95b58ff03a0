/**
 * Reading and writing the session file (`<titre>.acia.json`): every check of the format, in the
 * order the format README gives, before anything is used.
 */
import { fail, ok, type Result } from '../result';
import type { Session, SessionFile } from '../types';
import { issuesToErrors } from './errors';
import { migrateToCurrent } from './migrations';
import { checkRules, type RuleOptions } from './rules';
import { FORMAT_NAME, FORMAT_VERSION, sessionFileSchema } from './schema';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const APP_NAME = 'Cartographies ACIA';

const tooLarge = (bytes: number) =>
  fail({
    path: '',
    message: `Le fichier est trop volumineux (${(bytes / 1024 / 1024).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} Mo) : 10 Mo au plus.`,
  });

/** Refuses a file larger than 10 MB before it is read. */
export function checkFileSize(bytes: number): Result<true> {
  return bytes > MAX_FILE_BYTES ? tooLarge(bytes) : ok(true);
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** Parses, migrates and validates a session file given as text. Nothing is thrown. */
export function parseSessionFile(text: string): Result<SessionFile> {
  if (text.length > MAX_FILE_BYTES || byteLength(text) > MAX_FILE_BYTES) return tooLarge(byteLength(text));
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return fail({ path: '', message: "Ce fichier n'est pas un fichier JSON valide : il ne peut pas être lu comme une session." });
  }
  return validateSessionFile(raw);
}

/** Validates an already parsed value as a session file (migrating older versions). */
export function validateSessionFile(raw: unknown, options: RuleOptions = {}): Result<SessionFile> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== FORMAT_NAME) {
    return fail({
      path: 'format',
      message: `Ce fichier n'est pas une session Cartographies ACIA : le champ « format » doit valoir « ${FORMAT_NAME} ».`,
    });
  }
  const file = raw as Record<string, unknown>;
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail({ path: 'version', message: 'Champ « version » invalide : un nombre entier à partir de 1 est attendu.' });
  }
  if (version > FORMAT_VERSION) {
    return fail({
      path: 'version',
      message: `Ce fichier a été créé par une version plus récente de l'application (format version ${version}) ; cette application lit les versions 1 à ${FORMAT_VERSION}. Mettez l'application à jour pour l'ouvrir.`,
    });
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateToCurrent(file, version);
  } catch (e) {
    return fail({ path: 'version', message: e instanceof Error ? e.message : String(e) });
  }
  const parsed = sessionFileSchema.safeParse(migrated, { reportInput: true });
  if (!parsed.success) return fail(...issuesToErrors(parsed.error.issues, migrated));
  const ruleErrors = checkRules(parsed.data.session, options);
  if (ruleErrors.length > 0) return fail(...ruleErrors);
  return ok(parsed.data);
}

/**
 * Validates a session on its own (as the app holds it), with the same checks as a file; with
 * `{ chronology: false }`, a step dated before an earlier one is allowed (the map flags it).
 */
export function validateSession(session: Session, options: RuleOptions = {}): Result<Session> {
  const result = validateSessionFile(wrapSession(session, new Date()), options);
  return result.ok ? ok(result.value.session) : result;
}

export function wrapSession(session: Session, exportedAt: Date): SessionFile {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    app: APP_NAME,
    session,
  };
}

/** Writes a session as the text of a session file; refuses to write an invalid one. */
export function serializeSessionFile(session: Session, exportedAt: Date = new Date()): Result<string> {
  const file = wrapSession(session, exportedAt);
  const checked = validateSessionFile(JSON.parse(JSON.stringify(file)));
  if (!checked.ok) return checked;
  return ok(JSON.stringify(file, null, 2));
}

/** A file name for a session: its title made safe, then `.acia.json`. */
export function sessionFileName(title: string, extension = '.acia.json'): string {
  const safe = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const short = [...safe].slice(0, 80).join('').trim();
  return `${short || 'atelier'}${extension}`;
}

/** The first message of a failed result, for an alert. */
export function firstMessage(errors: readonly { message: string }[]): string {
  if (errors.length === 0) return 'Erreur inconnue.';
  const more = errors.length > 1 ? ` (et ${errors.length - 1} autre${errors.length > 2 ? 's' : ''} problème${errors.length > 2 ? 's' : ''})` : '';
  return `${errors[0]!.message}${more}`;
}
