/**
 * Importing a file chosen by the user: a session file (`.acia.json`), or a PNG or SVG image
 * exported by the app, which carries the session. Every check runs before anything is written.
 */
import { EMBED_KEYWORD, isPng, readPngText, readSvgMetadata } from '../../domain/format/embed';
import { isBackup, validateBackup } from '../../domain/format/backup';
import { checkFileSize, parseSessionFile } from '../../domain/format/file';
import { fail, type Result } from '../../domain/result';
import type { Session } from '../../domain/types';

const NO_SESSION =
  "Cette image ne contient pas de session Cartographies ACIA : seules les images exportées par l'application peuvent être réouvertes.";

async function sessionText(file: File): Promise<Result<string>> {
  const name = file.name.toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (isPng(bytes)) {
    const text = readPngText(bytes, EMBED_KEYWORD);
    return text === null ? fail({ path: '', message: NO_SESSION }) : { ok: true, value: text };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (name.endsWith('.svg') || file.type === 'image/svg+xml' || /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(text)) {
    const json = readSvgMetadata(text);
    return json === null ? fail({ path: '', message: NO_SESSION }) : { ok: true, value: json };
  }
  if (name.endsWith('.png') || file.type.startsWith('image/')) return fail({ path: '', message: NO_SESSION });
  return { ok: true, value: text };
}

/** What a chosen file holds: one session, or a backup of several. */
export type Imported = { kind: 'session'; session: Session } | { kind: 'backup'; sessions: Session[] };

export async function readImportFile(file: File): Promise<Result<Imported>> {
  const size = checkFileSize(file.size);
  if (!size.ok) return size;
  let text: Result<string>;
  try {
    text = await sessionText(file);
  } catch {
    return fail({ path: '', message: 'Le fichier ne peut pas être lu.' });
  }
  if (!text.ok) return text;
  if (text.value.includes('"cartographies-acia-sauvegarde"')) {
    try {
      const raw: unknown = JSON.parse(text.value);
      if (isBackup(raw)) {
        const backup = validateBackup(raw);
        return backup.ok ? { ok: true, value: { kind: 'backup', sessions: backup.value } } : backup;
      }
    } catch {
      // not JSON: parseSessionFile says so below
    }
  }
  const parsed = parseSessionFile(text.value);
  return parsed.ok ? { ok: true, value: { kind: 'session', session: parsed.value.session } } : parsed;
}
