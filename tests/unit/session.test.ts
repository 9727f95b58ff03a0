/** Creating, duplicating and titling sessions. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateSession } from '../../src/domain/format/file';
import { createSession, duplicateSession, titleIssue } from '../../src/domain/session';
import { titleProblem } from '../../src/features/sessions/messages';
import type { Session, SessionFile } from '../../src/domain/types';

const NOW = new Date('2026-11-20T09:00:00.000Z');

const dui = (): Session =>
  (
    JSON.parse(
      readFileSync(new URL('../../docs/format/examples/dui-groupement.json', import.meta.url), 'utf8'),
    ) as SessionFile
  ).session;

describe('createSession', () => {
  const session = createSession(
    {
      title: '  Atelier DUI  ',
      establishment: { name: '  Groupement  ', kind: 'medico-social', region: '   ' },
      project: { name: ' DUI ', status: 'passe', summary: '' },
      workshop: { date: '', facilitator: '  Chargée de mission Aract ', place: '' },
      trinome: [
        { role: 'direction', name: ' Mme Martin ', position: '' },
        { role: 'dsi', name: '   ', position: '' },
        { role: 'representant-salaries', position: ' Élu CSE ' },
      ],
    },
    NOW,
    'session-1',
  );

  it('trims the texts typed by the user', () => {
    expect(session.title).toBe('Atelier DUI');
    expect(session.establishment.name).toBe('Groupement');
    expect(session.project.name).toBe('DUI');
    expect(session.workshop).toEqual({ facilitator: 'Chargée de mission Aract' });
  });

  it('drops optional fields left empty', () => {
    expect(session.establishment).toEqual({ name: 'Groupement', kind: 'medico-social' });
    expect(session.project).toEqual({ name: 'DUI', status: 'passe' });
    expect(session.workshop).not.toHaveProperty('date');
    expect(session.workshop).not.toHaveProperty('place');
  });

  it('keeps only the trinôme members with a name or a position, trimmed', () => {
    expect(session.trinome).toEqual([
      { role: 'direction', name: 'Mme Martin' },
      { role: 'representant-salaries', position: 'Élu CSE' },
    ]);
  });

  it('uses the given id and time, and starts empty', () => {
    expect(session.id).toBe('session-1');
    expect(session.createdAt).toBe('2026-11-20T09:00:00.000Z');
    expect(session.updatedAt).toBe('2026-11-20T09:00:00.000Z');
    expect(session.timeline).toEqual({ scale: 'annee' });
    expect([session.lanes, session.actors, session.steps, session.links, session.relations, session.notes]).toEqual([
      [], [], [], [], [], [],
    ]);
  });

  it('produces a session that passes validateSession', () => {
    const result = validateSession(session);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('leaves out a workshop with nothing in it', () => {
    const bare = createSession(
      { title: 'A', establishment: { name: 'E' }, project: { name: 'P' }, workshop: { facilitator: ' ' } },
      NOW,
      'bare',
    );
    expect(bare).not.toHaveProperty('workshop');
    expect(validateSession(bare).ok).toBe(true);
  });

  it('gives each new session its own valid id by default', () => {
    const input = { title: 'A', establishment: { name: 'E' }, project: { name: 'P' } };
    const a = createSession(input);
    const b = createSession(input);
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });
});

describe('duplicateSession', () => {
  const original = dui();
  const later = new Date('2026-12-01T10:00:00.000Z');
  const copy = duplicateSession(original, 'DUI — copie', later, 'copie-1');

  it('gives the copy a new id, a new title and new dates', () => {
    expect(copy.id).toBe('copie-1');
    expect(copy.id).not.toBe(original.id);
    expect(copy.title).toBe('DUI — copie');
    expect(copy.createdAt).toBe('2026-12-01T10:00:00.000Z');
    expect(copy.updatedAt).toBe('2026-12-01T10:00:00.000Z');
  });

  it('keeps the same entities, ids included', () => {
    expect(copy.lanes).toEqual(original.lanes);
    expect(copy.actors).toEqual(original.actors);
    expect(copy.steps).toEqual(original.steps);
    expect(copy.links).toEqual(original.links);
    expect(copy.relations).toEqual(original.relations);
    expect(copy.notes).toEqual(original.notes);
    expect(copy.establishment).toEqual(original.establishment);
    expect(copy.trinome).toEqual(original.trinome);
  });

  it('does not share objects with the original: editing the copy leaves it alone', () => {
    const source = dui();
    const before = structuredClone(source);
    const own = duplicateSession(source, 'Copie', later, 'copie-3');
    own.steps[0]!.title = 'Modifiée dans la copie';
    own.actors.pop();
    own.establishment.name = 'Autre';
    expect(source).toEqual(before);
  });

  it('produces a valid session', () => {
    const result = validateSession(duplicateSession(dui(), 'Copie', later, 'copie-2'));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('cuts a title longer than 200 characters', () => {
    expect(duplicateSession(dui(), 'x'.repeat(250), later, 'c').title).toHaveLength(200);
  });
});

describe('titleProblem', () => {
  it('asks for a title when it is empty or blank', () => {
    expect(titleProblem('')).toBe("Le titre de l'atelier est obligatoire.");
    expect(titleProblem('   ')).toBe("Le titre de l'atelier est obligatoire.");
  });

  it('refuses a title of more than 200 characters', () => {
    expect(titleProblem('x'.repeat(201))).toBe('Le titre ne doit pas dépasser 200 caractères.');
  });

  it('accepts a title of 200 characters, emoji counting as one', () => {
    expect(titleProblem('x'.repeat(200))).toBeNull();
    expect(titleProblem('🗺'.repeat(200))).toBeNull();
  });

  it('ignores surrounding spaces when counting', () => {
    expect(titleProblem(`  ${'x'.repeat(200)}  `)).toBeNull();
  });

  it('accepts an ordinary title', () => {
    expect(titleProblem('Atelier DUI du 20 novembre')).toBeNull();
    expect([titleIssue(' '), titleIssue('x'.repeat(201)), titleIssue('Atelier')]).toEqual(['required', 'too-long', null]);
  });
});
