import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSession } from '../../src/domain/format/file';
import { createSession } from '../../src/domain/session';
import { applyTemplate } from '../../src/features/sessions/templates';
import { exampleText } from '../formatExamples';

const base = () => createSession({ title: 'Atelier', establishment: { name: '' }, project: { name: '' } }, new Date('2026-11-24T10:00:00Z'), 's-test');

describe('session templates', () => {
  it('the DUI template shipped with the app is the same file as docs/format/examples', () => {
    const shipped = readFileSync(join(process.cwd(), 'src/features/sessions/templates/dui-groupement.json'), 'utf8');
    expect(JSON.parse(shipped)).toEqual(JSON.parse(exampleText('dui-groupement.json')));
  });

  it('the DUI template gives the eleven steps of the report and one workaround, keeping the title typed', async () => {
    const session = await applyTemplate(base(), 'exemple-dui');
    expect(session.title).toBe('Atelier');
    expect(session.steps).toHaveLength(12);
    expect(session.steps[2]!.title).toBe("Constitution d'un groupe de travail");
    expect(session.establishment.name).toBe('Groupement médico-social (exemple)');
    expect(validateSession(session).ok).toBe(true);
  });

  it('the typical project has the eight lanes, each standing for an actor', async () => {
    const session = await applyTemplate(base(), 'projet-type');
    expect(session.lanes.map((l) => l.label)).toEqual([
      'Direction', 'DSI', 'Représentant·es du personnel', 'Encadrement', 'Référent·es', 'Professionnel·les', 'Éditeur', 'Financeur',
    ]);
    expect(session.lanes.every((l) => session.actors.some((a) => a.id === l.actorId))).toBe(true);
    expect(validateSession(session).ok).toBe(true);
  });

  it('the empty template adds nothing', async () => {
    const session = await applyTemplate(base(), 'vide');
    expect(session.lanes).toEqual([]);
    expect(session.steps).toEqual([]);
  });
});
