/**
 * Importing a session file chosen by the user: every check before anything is written.
 * Returns the validated session, or the French reason for refusing it.
 */
import { checkFileSize, parseSessionFile } from '../../domain/format/file';
import { fail, type Result } from '../../domain/result';
import type { Session } from '../../domain/types';

export async function readSessionFromFile(file: File): Promise<Result<Session>> {
  const size = checkFileSize(file.size);
  if (!size.ok) return size;
  const name = file.name.toLowerCase();
  if (name.endsWith('.png') || name.endsWith('.svg') || file.type === 'image/png' || file.type === 'image/svg+xml') {
    return fail({
      path: '',
      message: "Cette image ne contient pas de session Cartographies ACIA : seules les images exportées par l'application peuvent être réouvertes.",
    });
  }
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail({ path: '', message: 'Le fichier ne peut pas être lu.' });
  }
  const parsed = parseSessionFile(text);
  return parsed.ok ? { ok: true, value: parsed.value.session } : parsed;
}
