/**
 * Every rule of docs/format/README.md, one refusal each: start from the DUI example file,
 * break one thing, and check that the import is refused with a French message naming the problem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFileSize, MAX_FILE_BYTES, parseSessionFile } from '../../src/domain/format/file';
import type { DomainError } from '../../src/domain/result';
import type { SessionFile } from '../../src/domain/types';

const DUI_TEXT = readFileSync(new URL('../../docs/format/examples/dui-groupement.json', import.meta.url), 'utf8');

/** A fresh, mutable copy of the DUI example. */
const dui = (): SessionFile => JSON.parse(DUI_TEXT) as SessionFile;

/** Parses `text`, expects a refusal and returns its errors. */
function refusedText(text: string): DomainError[] {
  const result = parseSessionFile(text);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('the file was accepted');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

/** Mutates a copy of the DUI example, parses it, expects a refusal and returns its errors. */
function refused(mutate: (file: SessionFile) => void): DomainError[] {
  const file = dui();
  mutate(file);
  return refusedText(JSON.stringify(file));
}

/** Mutates a copy of the DUI example and expects it to be accepted. */
function accepted(mutate: (file: SessionFile) => void): SessionFile {
  const file = dui();
  mutate(file);
  const result = parseSessionFile(JSON.stringify(file));
  expect(result.ok ? [] : result.errors).toEqual([]);
  if (!result.ok) throw new Error(result.errors[0]!.message);
  return result.value;
}

/** A loosely typed view of an object, to write what the types forbid (unknown fields, bad enums). */
const raw = (o: object) => o as Record<string, unknown>;

describe('the DUI example, starting point of every refusal', () => {
  it('is accepted as it is', () => {
    const file = accepted(() => {});
    expect(file.session.id).toBe('exemple-dui-groupement');
  });
});

describe('every id is unique within its array', () => {
  it('refuses two lanes with the same id', () => {
    const errors = refused((f) => {
      f.session.lanes.push({ ...f.session.lanes[0]!, label: 'Autre couloir' });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('Identifiant en double « lane-ars »');
    expect(errors[0]!.message).toContain('couloirs');
    expect(errors[0]!.path).toBe('session.lanes[9].id');
  });

  it('refuses two actors with the same id', () => {
    const errors = refused((f) => {
      f.session.actors.push({ ...f.session.actors[1]!, name: 'Une autre direction' });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('Identifiant en double « act-direction »');
    expect(errors[0]!.message).toContain('acteurs');
  });

  it('refuses two steps with the same id', () => {
    const errors = refused((f) => {
      const last = f.session.steps[f.session.steps.length - 1]!;
      f.session.steps.push({ ...last, title: 'Encore des ajustements' });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('Identifiant en double « step-12 »');
    expect(errors[0]!.message).toContain('étapes');
  });

  it('refuses two links with the same id', () => {
    const errors = refused((f) => {
      f.session.links.push({ id: 'link-01', from: 'step-10', to: 'step-11' });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('Identifiant en double « link-01 »');
    expect(errors[0]!.message).toContain('liens');
  });

  it('refuses two relations with the same id', () => {
    const errors = refused((f) => {
      f.session.relations.push({ ...f.session.relations[0]!, kind: 'autre' });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('Identifiant en double « rel-01 »');
    expect(errors[0]!.message).toContain('relations');
  });

  it('refuses two notes with the same id', () => {
    const errors = refused((f) => {
      f.session.notes.push({ ...f.session.notes[0]!, text: 'Une autre remarque' });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('Identifiant en double « note-01 »');
    expect(errors[0]!.message).toContain('notes');
  });

  it('allows the same id in two different arrays', () => {
    accepted((f) => {
      f.session.links[0]!.id = 'act-ars';
    });
  });
});

describe('references resolve', () => {
  it('refuses a lane tied to an unknown actor', () => {
    const errors = refused((f) => {
      f.session.lanes[0]!.actorId = 'act-fantome';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.lanes[0].actorId');
    expect(errors[0]!.message).toContain('« lane-ars »');
    expect(errors[0]!.message).toContain('acteur inconnu « act-fantome »');
  });

  it('refuses a step in an unknown lane', () => {
    const errors = refused((f) => {
      f.session.steps[2]!.laneId = 'lane-fantome';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.steps[2].laneId');
    expect(errors[0]!.message).toContain('« step-03 »');
    expect(errors[0]!.message).toContain('couloir inconnu « lane-fantome »');
  });

  it('refuses a step whose participant is an unknown actor', () => {
    const errors = refused((f) => {
      f.session.steps[4]!.participants.push({ actorId: 'act-fantome', role: 'contribue' });
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toMatch(/^session\.steps\[4\]\.participants\[\d+\]\.actorId$/);
    expect(errors[0]!.message).toContain('« step-05 »');
    expect(errors[0]!.message).toContain('acteur inconnu « act-fantome »');
  });

  it('refuses a link from an unknown step', () => {
    const errors = refused((f) => {
      f.session.links[0]!.from = 'step-99';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.links[0].from');
    expect(errors[0]!.message).toContain('« link-01 »');
    expect(errors[0]!.message).toContain('étape inconnue « step-99 »');
  });

  it('refuses a link to an unknown step', () => {
    const errors = refused((f) => {
      f.session.links[0]!.to = 'step-99';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.links[0].to');
    expect(errors[0]!.message).toContain('« link-01 »');
    expect(errors[0]!.message).toContain('étape inconnue « step-99 »');
  });

  it('refuses a link whose end is an actor, not a step', () => {
    const errors = refused((f) => {
      f.session.links[0]!.to = 'act-ars';
    });
    expect(errors[0]!.message).toContain('étape inconnue « act-ars »');
  });

  it('refuses a relation from an unknown actor', () => {
    const errors = refused((f) => {
      f.session.relations[1]!.from = 'act-fantome';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.relations[1].from');
    expect(errors[0]!.message).toContain('« rel-02 »');
    expect(errors[0]!.message).toContain('acteur inconnu « act-fantome »');
  });

  it('refuses a relation to an unknown actor', () => {
    const errors = refused((f) => {
      f.session.relations[1]!.to = 'act-fantome';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.relations[1].to');
    expect(errors[0]!.message).toContain('« rel-02 »');
    expect(errors[0]!.message).toContain('acteur inconnu « act-fantome »');
  });

  it('refuses a note attached to an unknown step', () => {
    const errors = refused((f) => {
      f.session.notes[0]!.attachedTo = { type: 'step', id: 'step-99' };
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.notes[0].attachedTo');
    expect(errors[0]!.message).toContain('« note-01 »');
    expect(errors[0]!.message).toContain('étape inconnue « step-99 »');
  });

  it('refuses a note attached to an unknown actor', () => {
    const errors = refused((f) => {
      f.session.notes[0]!.attachedTo = { type: 'actor', id: 'act-fantome' };
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.notes[0].attachedTo');
    expect(errors[0]!.message).toContain('« note-01 »');
    expect(errors[0]!.message).toContain('acteur inconnu « act-fantome »');
  });

  it('refuses a note attached as an actor to the id of a step', () => {
    const errors = refused((f) => {
      f.session.notes[0]!.attachedTo = { type: 'actor', id: 'step-09' };
    });
    expect(errors[0]!.message).toContain('acteur inconnu « step-09 »');
  });

  it('accepts a note attached to an existing actor', () => {
    const file = accepted((f) => {
      f.session.notes[0]!.attachedTo = { type: 'actor', id: 'act-ars' };
    });
    expect(file.session.notes[0]!.attachedTo).toEqual({ type: 'actor', id: 'act-ars' });
  });
});

describe('steps are in chronological order', () => {
  /** Gives the first steps of the DUI example the given dates, and leaves the others undated. */
  const dated = (dates: (string | undefined)[]) => (f: SessionFile) => {
    f.session.steps.forEach((step, i) => {
      const date = dates[i];
      if (date === undefined) delete step.date;
      else step.date = date;
      delete step.endDate;
    });
  };

  it('refuses a step dated before the step that precedes it', () => {
    const errors = refused(dated(['2019', '2018']));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.steps[1].date');
    expect(errors[0]!.message).toContain('ordre chronologique');
    expect(errors[0]!.message).toContain('« step-02 »');
    expect(errors[0]!.message).toContain('« step-01 »');
  });

  it('does not take `2022` followed by `2022-04` for a conflict', () => {
    accepted(dated(['2022', '2022-04']));
  });

  it('does not take `2022-04` followed by `2022` for a conflict', () => {
    accepted(dated(['2022-04', '2022']));
  });

  it('takes `2022-05`, `2022`, `2022-03` for a conflict between the first and the third step', () => {
    const errors = refused(dated(['2022-05', '2022', '2022-03']));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.steps[2].date');
    expect(errors[0]!.message).toContain("l'étape 3 « step-03 » (2022-03)");
    expect(errors[0]!.message).toContain("l'étape 1 « step-01 » (2022-05)");
  });

  it('compares across undated steps', () => {
    const errors = refused(dated(['2020', undefined, undefined, '2019']));
    expect(errors[0]!.message).toContain('« step-04 »');
    expect(errors[0]!.message).toContain('« step-01 »');
  });

  it('refuses a step that ends before it starts', () => {
    const errors = refused((f) => {
      f.session.steps[0]!.endDate = '2017-06';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.steps[0].endDate');
    expect(errors[0]!.message).toContain('« step-01 »');
    expect(errors[0]!.message).toContain('2017-06');
  });

  it('accepts an end date in the same year as a start date given as a year', () => {
    const file = accepted((f) => {
      f.session.steps[0]!.endDate = '2018-03';
    });
    expect(file.session.steps[0]!.endDate).toBe('2018-03');
  });
});

describe('files refused before anything else is read', () => {
  it('refuses a file whose format is not cartographies-acia', () => {
    const errors = refused((f) => {
      raw(f).format = 'autre-logiciel';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('format');
    expect(errors[0]!.message).toContain('« format »');
    expect(errors[0]!.message).toContain('cartographies-acia');
  });

  it('refuses a file without a format, even if everything else is broken', () => {
    const errors = refused((f) => {
      delete raw(f).format;
      f.session.steps[0]!.laneId = 'lane-fantome';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("n'est pas une session Cartographies ACIA");
  });

  it('refuses a file from a newer version, saying so', () => {
    const errors = refused((f) => {
      raw(f).version = 3;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('version');
    expect(errors[0]!.message).toContain('version plus récente');
    expect(errors[0]!.message).toContain('version 3');
  });

  it.each([1.5, '1', 0, null])('refuses a version that is not an integer from 1 (%s)', (version) => {
    const errors = refused((f) => {
      raw(f).version = version;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('version');
    expect(errors[0]!.message).toContain('« version » invalide');
  });

  it('refuses text that is not JSON', () => {
    const errors = refusedText(DUI_TEXT.slice(0, DUI_TEXT.length / 2));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("n'est pas un fichier JSON valide");
  });

  it('refuses JSON that is not an object', () => {
    const errors = refusedText('[1, 2, 3]');
    expect(errors[0]!.message).toContain("n'est pas une session Cartographies ACIA");
  });

  it('refuses a file over 10 MB, even a valid one', () => {
    const big = DUI_TEXT + ' '.repeat(10 * 1024 * 1024);
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const errors = refusedText(big);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('trop volumineux');
    expect(errors[0]!.message).toContain('10 Mo au plus');
  });

  it('counts the size in UTF-8 bytes, not in characters', () => {
    // 6 million « é »: 6 M characters, 12 M bytes.
    const errors = refusedText(`"${'é'.repeat(6_000_000)}"`);
    expect(errors[0]!.message).toContain('trop volumineux');
  });

  it('reads a file that starts with a byte order mark', () => {
    const result = parseSessionFile(`\ufeff${DUI_TEXT}`);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('checkFileSize', () => {
  it('accepts a file of 10 MB exactly', () => {
    expect(checkFileSize(MAX_FILE_BYTES)).toEqual({ ok: true, value: true });
    expect(checkFileSize(0).ok).toBe(true);
  });

  it('refuses a file of one byte more than 10 MB, in French', () => {
    const result = checkFileSize(MAX_FILE_BYTES + 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toContain('trop volumineux');
    expect(result.errors[0]!.message).toContain('10 Mo au plus');
  });

  it('gives the size of the refused file in MB', () => {
    const result = checkFileSize(25 * 1024 * 1024);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(/25[.,]0 Mo/);
  });
});

describe('schema violations', () => {
  it('refuses an unknown field, naming it and the step', () => {
    const errors = refused((f) => {
      raw(f.session.steps[0]!).couleur = 'rouge';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.steps[0]');
    expect(errors[0]!.message).toBe('Étape 1 « step-01 » : champ « couleur » inconnu.');
  });

  it('refuses an unknown field at the top of the file', () => {
    const errors = refused((f) => {
      raw(f).extra = true;
    });
    expect(errors[0]!.message).toBe('Fichier : champ « extra » inconnu.');
  });

  it('refuses a month 13 (`2022-13`)', () => {
    const errors = refused((f) => {
      f.session.steps[1]!.date = '2022-13';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.steps[1].date');
    expect(errors[0]!.message).toContain("Date de l'étape 2 « step-02 »");
    expect(errors[0]!.message).toContain('date invalide');
  });

  it('refuses a date written the French way (`04/2022`)', () => {
    const errors = refused((f) => {
      f.session.steps[1]!.date = '04/2022';
    });
    expect(errors[0]!.path).toBe('session.steps[1].date');
    expect(errors[0]!.message).toContain("Date de l'étape 2 « step-02 » : date invalide");
  });

  it('refuses an empty session title', () => {
    const errors = refused((f) => {
      f.session.title = '';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.title');
    expect(errors[0]!.message).toBe("Titre de l'atelier : ne doit pas être vide.");
  });

  it('refuses an empty step title, naming the step', () => {
    const errors = refused((f) => {
      f.session.steps[3]!.title = '';
    });
    expect(errors[0]!.path).toBe('session.steps[3].title');
    expect(errors[0]!.message).toBe("Titre de l'étape 4 « step-04 » : ne doit pas être vide.");
  });

  it('refuses a title of 201 characters and accepts one of 200', () => {
    const errors = refused((f) => {
      f.session.title = 'T'.repeat(201);
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("Titre de l'atelier");
    expect(errors[0]!.message).toContain('200 caractères au plus');
    const file = accepted((f) => {
      f.session.title = 'T'.repeat(200);
    });
    expect(file.session.title).toHaveLength(200);
  });

  it('counts title lengths in characters, not UTF-16 units (200 emoji are allowed)', () => {
    const file = accepted((f) => {
      f.session.title = '🗺'.repeat(200);
    });
    expect([...file.session.title]).toHaveLength(200);
  });

  it('refuses a value outside an enumeration, naming the actor', () => {
    const errors = refused((f) => {
      raw(f.session.actors[0]!).category = 'ministere';
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.actors[0].category');
    expect(errors[0]!.message).toBe("Catégorie de l'acteur 1 « act-ars » : valeur non reconnue « ministere ».");
  });

  it('refuses a missing required field, saying it is missing', () => {
    const errors = refused((f) => {
      delete raw(f.session.steps[0]!).title;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('session.steps[0].title');
    expect(errors[0]!.message).toContain("Titre de l'étape 1 « step-01 »");
    expect(errors[0]!.message).toContain('champ obligatoire manquant');
  });

  it('refuses a field of the wrong type, saying the type is wrong (not that it is missing)', () => {
    const errors = refused((f) => {
      raw(f.session).title = 5;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain("Titre de l'atelier");
    expect(errors[0]!.message).toContain('type invalide (attendu un texte)');
    expect(errors[0]!.message).not.toContain('manquant');
  });

  it('refuses an id with characters outside the pattern', () => {
    const errors = refused((f) => {
      f.session.notes[1]!.id = 'note 02';
    });
    expect(errors[0]!.path).toBe('session.notes[1].id');
    expect(errors[0]!.message).toContain("Identifiant de la note 2 « note 02 »");
    expect(errors[0]!.message).toContain('identifiant invalide');
  });

  it('accepts HTML in a title as plain text, kept verbatim', () => {
    const html = '<img src=x onerror="alert(1)"><b>Déploiement</b> & co';
    const file = accepted((f) => {
      f.session.title = html;
      f.session.steps[0]!.title = html;
    });
    expect(file.session.title).toBe(html);
    expect(file.session.steps[0]!.title).toBe(html);
  });
});
