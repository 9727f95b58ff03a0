import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupSizeWarning, serializeBackup, validateBackup } from '../../src/domain/format/backup';
import { checkFileSize, MAX_FILE_BYTES, parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { AciaDatabase } from '../../src/storage/db';
import { listSessions, needsBackup, restoreSessions, saveSession } from '../../src/storage/repository';
import { exampleText } from '../formatExamples';

const load = (name: string): Session => {
  const parsed = parseSessionFile(exampleText(name));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
};

let db: AciaDatabase;
beforeEach(() => {
  db = new AciaDatabase(`backup-${crypto.randomUUID()}`);
});
afterEach(() => db.close());

describe('backup of every session', () => {
  it('round-trips every session', () => {
    const sessions = [load('dui-groupement.json'), load('minimal.json')];
    const back = validateBackup(JSON.parse(serializeBackup(sessions)));
    expect(back).toEqual({ ok: true, value: sessions });
  });

  it('refuses the whole file when one session is invalid, naming it', () => {
    const file = JSON.parse(serializeBackup([load('dui-groupement.json'), load('minimal.json')]));
    file.sessions[1].session.lanes = [{ id: 'l', label: 'L', actorId: 'fantome' }];
    const back = validateBackup(file);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.errors[0]!.message).toMatch(/Atelier 2 « Atelier vide » de la sauvegarde.*fantome/);
  });

  it('restores without overwriting: same session left alone, a different one comes in as a copy', async () => {
    const dui = load('dui-groupement.json');
    await saveSession(db, dui);
    const older = { ...dui, title: 'Version de la sauvegarde', updatedAt: '2026-01-01T00:00:00.000Z' };
    const report = await restoreSessions(db, [dui, older, load('minimal.json')]);
    expect(report).toEqual({ added: 1, copies: 1, unchanged: 1 });
    const titles = (await listSessions(db)).map((s) => s.title).sort();
    expect(titles).toEqual(['Atelier vide', "DUI du groupement — retour d'expérience", 'Version de la sauvegarde (sauvegarde du 01/01/2026)'].sort());
  });

  it('reminds of a backup when a change has not been exported for more than a week', () => {
    const now = new Date('2026-11-24T12:00:00Z');
    const base = { establishment: { name: '' }, project: { name: '' }, trinome: [], timeline: { scale: 'annee' as const } };
    const rows = [
      { ...base, id: 'a', title: 'Jamais exporté, ancien', createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-20T00:00:00Z' },
      { ...base, id: 'b', title: 'Exporté après le changement', createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-02T00:00:00Z', lastExportedAt: '2026-11-03T00:00:00Z' },
      { ...base, id: 'c', title: 'Nouveau', createdAt: '2026-11-23T00:00:00Z', updatedAt: '2026-11-23T00:00:00Z' },
    ];
    expect(needsBackup(rows, now).map((r) => r.id)).toEqual(['a']);
  });
});

describe('a backup too large to be imported again', () => {
  it('is said at once, in French, with its size, exactly when the import would refuse it', () => {
    expect(backupSizeWarning(MAX_FILE_BYTES)).toBeNull();
    expect(checkFileSize(MAX_FILE_BYTES).ok).toBe(true);
    const over = MAX_FILE_BYTES + 1.5 * 1024 * 1024;
    expect(checkFileSize(over).ok).toBe(false);
    expect(backupSizeWarning(over)).toBe(
      "La sauvegarde fait 11,5 Mo : au-delà de 10 Mo, l'import la refusera d'un bloc. Exportez aussi chaque atelier séparément (Actions → Exporter) pour pouvoir les réimporter.",
    );
  });
});
