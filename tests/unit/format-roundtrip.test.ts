/**
 * Export then import gives back the same session; an invalid session is never written; older
 * versions are migrated step by step; exported files get safe names.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSessionFile, serializeSessionFile, sessionFileName } from '../../src/domain/format/file';
import { migrateToCurrent, type Migration } from '../../src/domain/format/migrations';
import type { Session, SessionFile } from '../../src/domain/types';

const exampleFile = (name: string): SessionFile =>
  JSON.parse(readFileSync(new URL(`../../docs/format/examples/${name}`, import.meta.url), 'utf8')) as SessionFile;

describe('export → import round trip', () => {
  it.each(['dui-groupement.json', 'minimal.json'])('gives back the session of %s unchanged', (name) => {
    const session: Session = exampleFile(name).session;
    const original = structuredClone(session);

    const written = serializeSessionFile(session, new Date('2026-12-01T10:00:00.000Z'));
    expect(written.ok ? [] : written.errors).toEqual([]);
    if (!written.ok) return;

    const read = parseSessionFile(written.value);
    expect(read.ok ? [] : read.errors).toEqual([]);
    if (!read.ok) return;
    expect(read.value.session).toStrictEqual(original);
    expect(read.value.format).toBe('cartographies-acia');
    expect(read.value.version).toBe(2);
    expect(read.value.exportedAt).toBe('2026-12-01T10:00:00.000Z');
    // Serializing does not touch the session it is given.
    expect(session).toStrictEqual(original);
  });

  it('keeps the order of the steps, their numbers being their positions', () => {
    const session = exampleFile('dui-groupement.json').session;
    const written = serializeSessionFile(session);
    if (!written.ok) throw new Error(written.errors[0]!.message);
    const read = parseSessionFile(written.value);
    if (!read.ok) throw new Error(read.errors[0]!.message);
    expect(read.value.session.steps.map((s) => s.id)).toEqual(session.steps.map((s) => s.id));
  });

  it('keeps accents, quotes, emoji and HTML-looking text exactly', () => {
    const session = exampleFile('minimal.json').session;
    session.title = 'Atelier « DUI » — l\'équipe <b>soins</b> & "IRP" 🗺';
    const written = serializeSessionFile(session);
    if (!written.ok) throw new Error(written.errors[0]!.message);
    const read = parseSessionFile(written.value);
    if (!read.ok) throw new Error(read.errors[0]!.message);
    expect(read.value.session.title).toBe(session.title);
  });

  it('refuses to write a session with a step in an unknown lane', () => {
    const session = exampleFile('dui-groupement.json').session;
    session.steps[0]!.laneId = 'lane-disparu';
    const written = serializeSessionFile(session);
    expect(written.ok).toBe(false);
    if (written.ok) return;
    expect(written.errors[0]!.path).toBe('session.steps[0].laneId');
    expect(written.errors[0]!.message).toContain('couloir inconnu « lane-disparu »');
  });

  it('refuses to write a session that breaks the schema (empty title)', () => {
    const session = exampleFile('minimal.json').session;
    session.title = '';
    const written = serializeSessionFile(session);
    expect(written.ok).toBe(false);
    if (written.ok) return;
    expect(written.errors[0]!.message).toContain("Titre de l'atelier");
  });
});

describe('migrateToCurrent', () => {
  const v1 = () => ({
    format: 'cartographies-acia',
    version: 1,
    session: { id: 's1', titre: 'Atelier' },
  });

  /** A fake migration from 1 to 2: the field `titre` becomes `title`. */
  const fakeMigrations: Record<number, Migration> = {
    1: (file) => {
      const { titre, ...rest } = file.session as { titre: string };
      return { ...file, session: { ...rest, title: titre } };
    },
  };

  it('applies the migration from version 1 to version 2 and sets the version', () => {
    const migrated = migrateToCurrent(v1(), 1, fakeMigrations, 2);
    expect(migrated).toEqual({
      format: 'cartographies-acia',
      version: 2,
      session: { id: 's1', title: 'Atelier' },
    });
  });

  it('does not change the file it is given', () => {
    const file = v1();
    migrateToCurrent(file, 1, fakeMigrations, 2);
    expect(file).toEqual(v1());
  });

  it('chains migrations, one version at a time', () => {
    const seen: number[] = [];
    const chain: Record<number, Migration> = {
      1: (f) => (seen.push(f.version as number), { ...f, a: true }),
      2: (f) => (seen.push(f.version as number), { ...f, b: true }),
    };
    const migrated = migrateToCurrent(v1(), 1, chain, 3);
    expect(seen).toEqual([1, 2]);
    expect(migrated).toMatchObject({ version: 3, a: true, b: true });
  });

  it('leaves a file of the current version as it is', () => {
    expect(migrateToCurrent(v1(), 2, fakeMigrations, 2)).toEqual(v1());
  });

  it('throws a French error naming the missing step', () => {
    expect(() => migrateToCurrent(v1(), 1, {}, 2)).toThrow('Aucune migration connue de la version 1 à la version 2.');
    expect(() => migrateToCurrent(v1(), 1, fakeMigrations, 3)).toThrow('de la version 2 à la version 3');
  });
});

describe('sessionFileName', () => {
  it('replaces slashes and colons', () => {
    const name = sessionFileName('a/b:c');
    expect(name).not.toMatch(/[/:]/);
    expect(name).toBe('a b c.acia.json');
  });

  it('removes every character forbidden in a file name', () => {
    const name = sessionFileName('Projet\\DUI*?"<>|\u0007 2022');
    expect(name).not.toMatch(/[\\/:*?"<>|]/);
    expect([...name].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(name).toBe('Projet DUI 2022.acia.json');
  });

  it('names a session without a usable title « atelier »', () => {
    expect(sessionFileName('')).toBe('atelier.acia.json');
    expect(sessionFileName('   ')).toBe('atelier.acia.json');
    expect(sessionFileName('///')).toBe('atelier.acia.json');
  });

  it('keeps accents and shortens long titles', () => {
    expect(sessionFileName('Déploiement du DUI — équipe')).toBe('Déploiement du DUI — équipe.acia.json');
    const long = sessionFileName('x'.repeat(300));
    expect(long).toBe(`${'x'.repeat(80)}.acia.json`);
  });

  it('takes another extension', () => {
    expect(sessionFileName('Atelier', '.png')).toBe('Atelier.png');
  });
});
