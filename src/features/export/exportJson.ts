/** Export of one session as a `.acia.json` file. */
import { serializeSessionFile, sessionFileName } from '../../domain/format/file';
import { ok, type Result } from '../../domain/result';
import type { Session } from '../../domain/types';
import { downloadText } from '../../ui/download';

/** Validates and downloads the session; returns the file name. */
export function downloadSessionJson(session: Session): Result<string> {
  const text = serializeSessionFile(session);
  if (!text.ok) return text;
  const name = sessionFileName(session.title);
  downloadText(text.value, name);
  return ok(name);
}
