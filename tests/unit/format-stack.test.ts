/**
 * What version 2 adds for the home page: a session's action collective and its institutional
 * events (the stack of temporalities). Optional, so a version 1 file still migrates; checked like
 * the rest by the JSON Schema and by the app (a French message naming the field, nothing kept).
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import {
  addInstitutionalEvent, cleanCollective, deleteInstitutionalEvent, setCollective, setInstitutionalEvents, updateInstitutionalEvent,
} from '../../src/domain/commands/institutional';
import { parseSessionFile, serializeSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { exampleText, FORMAT_DIR } from '../formatExamples';

const schema = JSON.parse(readFileSync(`${FORMAT_DIR}/session.schema.v2.json`, 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

type Json = Record<string, unknown> & { session: Record<string, unknown> };
const minimal = () => JSON.parse(exampleText('minimal.json')) as Json;
const withFields = (fields: Record<string, unknown>): Json => {
  const file = minimal();
  Object.assign(file.session, fields);
  return file;
};

const EVENTS = [
  { id: 'e1', date: '2022-04', title: 'Certification HAS', kind: 'certification' },
  { id: 'e2', date: '2021', title: 'Appel à projets ESMS numérique', kind: 'appel-a-projets' },
];
const COLLECTIVE = { name: 'ACIA Pays de la Loire 2023', aract: 'Aract Pays de la Loire', start: '2023-09', end: '2024-06' };

function refused(file: Json): string[] {
  const parsed = parseSessionFile(JSON.stringify(file));
  if (parsed.ok) throw new Error('accepted');
  return parsed.errors.map((e) => e.message);
}

describe('collective and institutionalEvents in the file', () => {
  it('a session with both is valid for the schema and the app, and is written back equal', () => {
    const file = withFields({ collective: COLLECTIVE, institutionalEvents: EVENTS });
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    const parsed = parseSessionFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    expect(parsed.value.session.collective).toEqual(COLLECTIVE);
    expect(parsed.value.session.institutionalEvents).toEqual(EVENTS);
    const written = serializeSessionFile(parsed.value.session);
    if (!written.ok) throw new Error(written.errors[0]!.message);
    const again = parseSessionFile(written.value);
    expect(again.ok && again.value.session).toStrictEqual(parsed.value.session);
  });

  it('an unknown kind of event is refused by both, with a French message naming the field', () => {
    const file = withFields({ institutionalEvents: [EVENTS[0], { ...EVENTS[1], kind: 'fete' }] });
    expect(validate(file)).toBe(false);
    expect(refused(file)).toEqual(["Type de l'événement institutionnel 2 « e2 » : valeur non reconnue « fete »."]);
  });

  it('a bad date of an event or of the action is refused, naming the field', () => {
    const bad = withFields({ institutionalEvents: [{ ...EVENTS[0], date: '2022-13' }] });
    expect(validate(bad)).toBe(false);
    expect(refused(bad)[0]).toMatch(/^Date de l'événement institutionnel 1 « e1 » : date invalide/);
    const badStart = withFields({ collective: { ...COLLECTIVE, start: 'septembre' } });
    expect(validate(badStart)).toBe(false);
    expect(refused(badStart)[0]).toMatch(/^Début de l'action collective : date invalide/);
    expect(refused(withFields({ collective: { ...COLLECTIVE, name: '' } }))[0]).toBe("Nom de l'action collective : ne doit pas être vide.");
    expect(refused(withFields({ collective: { name: 'ACIA', aracte: 'x' } }))[0]).toBe("Action collective de l'atelier : champ « aracte » inconnu.");
  });

  it('rules the schema cannot say: event ids unique, an action does not end before it starts', () => {
    expect(refused(withFields({ institutionalEvents: [EVENTS[0], { ...EVENTS[1], id: 'e1' }] }))).toEqual([
      'Identifiant en double « e1 » dans les événements institutionnels, au rang 2.',
    ]);
    expect(refused(withFields({ collective: { ...COLLECTIVE, end: '2022' } }))).toEqual([
      "L'action collective « ACIA Pays de la Loire 2023 » finit (2022) avant de commencer (2023-09).",
    ]);
  });

  it('a version 1 file, without them, still migrates to version 2', () => {
    const v1 = parseSessionFile(readFileSync(`${FORMAT_DIR}/examples/v1/dui-groupement.json`, 'utf8'));
    if (!v1.ok) throw new Error(v1.errors[0]!.message);
    expect(v1.value.version).toBe(2);
    expect(v1.value.session).not.toHaveProperty('collective');
    expect(v1.value.session).not.toHaveProperty('institutionalEvents');
  });
});

describe('commands on the events and the action', () => {
  const parsed = parseSessionFile(exampleText('minimal.json'));
  if (!parsed.ok) throw new Error('minimal refused');
  const s: Session = parsed.value.session;

  it('add, edit, remove an event; the last one removed takes the field away; nothing else changes', () => {
    const one = addInstitutionalEvent(s, { id: 'e1', date: '2022-04', title: 'Certification HAS', kind: 'certification' });
    expect(one.institutionalEvents).toHaveLength(1);
    expect(one.steps).toBe(s.steps);
    const edited = updateInstitutionalEvent(one, 'e1', { title: 'Visite de certification' });
    expect(edited.institutionalEvents![0]).toMatchObject({ id: 'e1', title: 'Visite de certification', kind: 'certification' });
    expect(updateInstitutionalEvent(edited, 'e1', { title: 'Visite de certification' })).toBe(edited);
    expect(updateInstitutionalEvent(edited, 'nope', { title: 'x' })).toBe(edited);
    const none = deleteInstitutionalEvent(edited, 'e1');
    expect(none).not.toHaveProperty('institutionalEvents');
    expect(setInstitutionalEvents(one, undefined)).not.toHaveProperty('institutionalEvents');
  });

  it('an action collective is set, kept when equal, and taken away with an empty name', () => {
    const c = cleanCollective({ name: '  ACIA   2023 ', aract: ' ', start: '2023-09' });
    expect(c).toEqual({ name: 'ACIA 2023', start: '2023-09' });
    const inAction = setCollective(s, c);
    expect(inAction.collective).toEqual(c);
    expect(setCollective(inAction, { ...c! })).toBe(inAction);
    expect(cleanCollective({ name: ' ' })).toBeUndefined();
    expect(setCollective(inAction, undefined)).not.toHaveProperty('collective');
  });
});
