/**
 * A backup of every session of this browser in one file: the session format inside, each
 * session validated exactly as a single import. All or nothing: one bad session refuses the file.
 */
import { fail, ok, type Result } from '../result';
import type { Session, SessionFile } from '../types';
import { MAX_FILE_BYTES, validateSessionFile, wrapSession } from './file';
import { FORMAT_NAME } from './schema';

export const BACKUP_FORMAT = 'cartographies-acia-sauvegarde';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  sessions: SessionFile[];
}

export function isBackup(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { format?: unknown }).format === BACKUP_FORMAT;
}

export function serializeBackup(sessions: readonly Session[], at: Date = new Date()): string {
  const file: BackupFile = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: at.toISOString(), sessions: sessions.map((s) => wrapSession(s, at)) };
  return JSON.stringify(file);
}

/** Every session of a backup, validated; or the French reason for refusing the whole file. */
export function validateBackup(raw: unknown): Result<Session[]> {
  if (!isBackup(raw)) return fail({ path: 'format', message: `Ce fichier n'est pas une sauvegarde Cartographies ACIA.` });
  const file = raw as Record<string, unknown>;
  if (typeof file.version !== 'number' || file.version > BACKUP_VERSION) {
    return fail({ path: 'version', message: "Cette sauvegarde a été créée par une version plus récente de l'application : mettez l'application à jour pour la restaurer." });
  }
  if (!Array.isArray(file.sessions) || file.sessions.length > 500) {
    return fail({ path: 'sessions', message: 'Champ « sessions » invalide : une liste de 500 ateliers au plus est attendue.' });
  }
  const out: Session[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of (file.sessions as unknown[]).entries()) {
    const checked = validateSessionFile(entry);
    if (!checked.ok) {
      const title = (entry as { session?: { title?: unknown } })?.session?.title;
      return fail({
        path: `sessions[${i}]`,
        message: `Atelier ${i + 1}${typeof title === 'string' ? ` « ${title.slice(0, 80)} »` : ''} de la sauvegarde : ${checked.errors[0]!.message}`,
      });
    }
    if (seen.has(checked.value.session.id)) {
      return fail({ path: `sessions[${i}].session.id`, message: `Identifiant d'atelier en double dans la sauvegarde : « ${checked.value.session.id} ».` });
    }
    seen.add(checked.value.session.id);
    out.push(checked.value.session);
  }
  return ok(out);
}

export { FORMAT_NAME, MAX_FILE_BYTES };

/**
 * What to tell the user about a backup of this many bytes: a file over the import limit is still
 * a copy, but cannot be restored in one go (the import refuses files over 10 MB before reading).
 */
export function backupSizeWarning(bytes: number): string | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  const size = (bytes / 1024 / 1024).toLocaleString('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `La sauvegarde fait ${size} Mo : au-delà de 10 Mo, l'import la refusera d'un bloc. Exportez aussi chaque atelier séparément (Actions → Exporter) pour pouvoir les réimporter.`;
}
