/** Export of one session as a `.acia.json` file. */
import { serializeSessionFile, sessionFileName } from '../../domain/format/file';
import { fail, ok, type Result } from '../../domain/result';
import type { Session } from '../../domain/types';
import type { AciaDatabase } from '../../storage/db';
import { loadSession, markExported } from '../../storage/repository';
import { downloadText } from '../../ui/download';

/** Validates and downloads the session; returns the file name. */
export function downloadSessionJson(session: Session): Result<string> {
  const text = serializeSessionFile(session);
  if (!text.ok) return text;
  const name = sessionFileName(session.title);
  downloadText(text.value, name);
  return ok(name);
}

export async function exportSessionJson(db: AciaDatabase, id: string): Promise<Result<string>> {
  const loaded = await loadSession(db, id);
  if (!loaded.ok) return fail(...loaded.errors);
  const done = downloadSessionJson(loaded.value);
  if (done.ok) await markExported(db, id);
  return done;
}
