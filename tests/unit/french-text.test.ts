/** French typography and wording of the interface: numbers, no-break spaces, relations as sentences. */
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, frenchSpaces, labelled, NBSP, NNBSP } from '../../src/i18n/format';
import { RELATION_KIND_LABELS, relationSentence } from '../../src/i18n/labels';
import { NOTE_TEXT_PROBLEM_MESSAGES } from '../../src/i18n/messages';
import { movedMessage } from '../../src/canvas/ariaLabels';
import { RELATION_KINDS } from '../../src/domain/enums';
import { describePath } from '../../src/domain/format/errors';

describe('numbers', () => {
  it('groups thousands with a narrow no-break space and writes a decimal comma', () => {
    expect(formatNumber(5000)).toBe(`5${NNBSP}000`);
    expect(formatNumber(1234567)).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(2.5)).toBe('2,5');
  });

  it('writes a share as a percentage with a narrow no-break space before %', () => {
    expect(formatPercent(0.42)).toBe(`42${NNBSP}%`);
    expect(formatPercent(0.356)).toBe(`36${NNBSP}%`);
  });
});

describe('frenchSpaces', () => {
  it('puts a no-break space before : and a narrow one before ; ! ? % and inside « »', () => {
    expect(frenchSpaces('Date invalide : écrivez une année')).toBe(`Date invalide${NBSP}: écrivez une année`);
    expect(frenchSpaces('Supprimer ? Oui ; non !')).toBe(`Supprimer${NNBSP}? Oui${NNBSP}; non${NNBSP}!`);
    expect(frenchSpaces('3 étapes (27 %)')).toBe(`3 étapes (27${NNBSP}%)`);
    expect(frenchSpaces('le marqueur « Formation ».')).toBe(`le marqueur «${NNBSP}Formation${NNBSP}».`);
  });

  it('adds no space where there was none, and is idempotent', () => {
    for (const text of ['17:30', 'https://example.org', '«x»', 'a%', 'Pourquoi?']) expect(frenchSpaces(text)).toBe(text);
    const once = frenchSpaces('Type : « Formation » ? 12 %');
    expect(frenchSpaces(once)).toBe(once);
  });

  it('joins a label and a value without touching the value', () => {
    expect(labelled('Établissement', 'CH : site nord ?')).toBe(`Établissement${NBSP}: CH : site nord ?`);
  });
});

describe('relations read as French sentences', () => {
  it('names the two actors around a verb', () => {
    expect(relationSentence('ARS', 'finance', 'Groupement')).toBe('ARS finance Groupement');
    expect(relationSentence('DSI', 'coopere', 'Éditeur')).toBe('DSI coopère avec Éditeur');
    expect(relationSentence('Professionnel·les', 'remonte', 'Référent·es')).toBe('Professionnel·les remonte à Référent·es');
    expect(relationSentence('A', 'autre', 'B')).toBe('A est en relation avec B');
  });

  it('gives every kind a capitalised label', () => {
    for (const k of RELATION_KINDS) expect(RELATION_KIND_LABELS[k]).toMatch(/^[A-ZÀ-Ý]/);
    expect(RELATION_KIND_LABELS.coopere).toBe('Coopère avec');
  });
});

describe('messages', () => {
  it('groups the digits of a limit', () => {
    expect(NOTE_TEXT_PROBLEM_MESSAGES['too-long']).toBe(`La note ne doit pas dépasser 5${NNBSP}000 caractères.`);
  });

  it('says in French where an actor moved by keyboard went', () => {
    expect(movedMessage({ direction: 'up', x: 120, y: 80 })).toBe('Élément déplacé vers le haut, position x 120, y 80');
    expect(movedMessage({ direction: 'left', x: 10.4, y: -5 })).toBe('Élément déplacé vers la gauche, position x 10, y -5');
    expect(movedMessage({ direction: 'down', x: 0, y: 0 })).toContain('vers le bas');
    expect(movedMessage({ direction: 'right', x: 0, y: 0 })).toContain('vers la droite');
  });
});

describe('import errors name fields in words, not JSON paths', () => {
  const file = { session: { steps: [{ id: 'step-01', participants: [{ actorId: 'x' }] }] } };
  it('names the field, then the items around it, by number and id', () => {
    expect(describePath(['session', 'steps', 0, 'endDate'], file)).toBe("Date de fin de l'étape 1 « step-01 »");
    expect(describePath(['session', 'steps', 0, 'participants', 0, 'actorId'], file)).toBe("Acteur du participant 1 de l'étape 1 « step-01 »");
    expect(describePath(['session', 'title'], file)).toBe("Titre de l'atelier");
    expect(describePath(['session', 'establishment', 'name'], file)).toBe("Nom de l'établissement");
    expect(describePath([], file)).toBe('Fichier');
    expect(describePath(['session', 'couleur'], file)).toBe("Champ « couleur » de l'atelier");
  });
});
