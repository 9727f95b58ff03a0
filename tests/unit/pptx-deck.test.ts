/**
 * The deck of the DUI example, built in Node and read back as PowerPoint XML: the conduct map and
 * the actor map are native shapes (one per step with its number and title, one per lane, one per
 * actor, lines with arrowheads for links and relations, notes as sticky shapes), the Synthèse and
 * the lived section have their slides, no picture is left, and the anonymised deck holds no name.
 */
import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import type { Session } from '../../src/domain/types';
import { anonymise } from '../../src/features/export/anonymise';
import { deckBytes } from '../../src/features/export/pptx';
import { livedSynthesis, synthesize } from '../../src/features/synthesis/sentences';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

interface Sp { name: string; text: string; geom: string; tail: boolean; head: boolean }

/** The shapes of a slide: name, text (paragraphs on lines), geometry, arrowheads. */
function shapesOf(xml: string): Sp[] {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return Array.from(doc.getElementsByTagName('p:sp')).map((sp) => ({
    name: sp.getElementsByTagName('p:cNvPr')[0]?.getAttribute('name') ?? '',
    text: Array.from(sp.getElementsByTagName('a:p')).map((p) => Array.from(p.getElementsByTagName('a:t')).map((t) => t.textContent).join('')).join('\n'),
    geom: sp.getElementsByTagName('a:prstGeom')[0]?.getAttribute('prst') ?? (sp.getElementsByTagName('a:custGeom').length ? 'custGeom' : ''),
    tail: sp.getElementsByTagName('a:tailEnd').length > 0,
    head: sp.getElementsByTagName('a:headEnd').length > 0,
  }));
}

async function slidesOf(bytes: Uint8Array): Promise<{ zip: JSZip; slides: Sp[][]; xml: string[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  const xml = await Promise.all(names.map((f) => zip.file(f)!.async('string')));
  return { zip, slides: xml.map(shapesOf), xml };
}

const titled = (slides: Sp[][], title: string) => slides.find((s) => s.some((sp) => sp.name === 'Titre' && sp.text === title))!;

describe('the deck of the DUI example', () => {
  const session = dui();
  let deck: Awaited<ReturnType<typeof slidesOf>>;
  beforeAll(async () => {
    deck = await slidesOf(await deckBytes(session, { ghosts: true, today: '2026-11-24' }));
  }, 30_000);

  it('draws the conduct map as shapes: one rounded box per step with its number and title, one per lane, the link with an arrowhead', () => {
    const map = titled(deck.slides, 'Cartographie de la conduite de projet');
    expect(map).toBeDefined();
    session.steps.forEach((step, i) => {
      const shapes = map.filter((sp) => sp.name.startsWith(`Étape ${i + 1} : `));
      expect(shapes).toHaveLength(1);
      expect(shapes[0]!.geom).toBe('roundRect');
      expect(shapes[0]!.text.split('\n')[0]).toMatch(new RegExp(`^${i + 1}\\s`));
      expect(shapes[0]!.text).toContain(step.title);
    });
    for (const lane of session.lanes) expect(map.filter((sp) => sp.name === `Couloir : ${lane.label}` && sp.text === lane.label)).toHaveLength(1);
    const links = map.filter((sp) => sp.name.startsWith('Lien'));
    expect(links).toEqual([expect.objectContaining({ geom: 'custGeom', tail: true })]);
    expect(map.some((sp) => sp.name === 'Libellé du lien' && sp.text === 'Révèle le besoin de formation')).toBe(true);
    expect(map.filter((sp) => sp.name.startsWith('Note : ') && sp.geom === 'foldedCorner')).toHaveLength(4);
    expect(map.filter((sp) => sp.name.startsWith('Étape manquante : ')).length).toBeGreaterThan(0);
  });

  it('draws the actor map as shapes: every actor, every relation as a line with its arrow and label', () => {
    const map = titled(deck.slides, 'Cartographie des acteurs');
    for (const actor of session.actors) expect(map.filter((sp) => sp.name === `Acteur : ${actor.name}` && sp.text.startsWith(actor.name))).toHaveLength(1);
    const relations = map.filter((sp) => sp.name.startsWith('Relation : '));
    expect(relations).toHaveLength(session.relations.length);
    expect(relations.every((r) => r.geom === 'custGeom' && r.tail)).toBe(true);
    expect(map.filter((sp) => sp.name === 'Libellé de la relation')).toHaveLength(session.relations.length);
    expect(map.filter((sp) => sp.name.startsWith('Note : '))).toHaveLength(1);
  });

  it('has the title, chronology, matrix, Synthèse, lived, action plan, notes, objectives and radar slides, and no picture', () => {
    const text = (slide: Sp[]) => slide.map((sp) => sp.text).join('\n');
    expect(text(deck.slides[0]!)).toContain(session.title);
    expect(deck.xml.some((x) => x.includes('<a:tbl>') && x.includes('Choix du logiciel'))).toBe(true);
    expect(titled(deck.slides, 'Participation des acteurs aux étapes')).toBeDefined();
    const synthesis = synthesize(session);
    const synth = text(titled(deck.slides, 'Synthèse : ce que montre la cartographie'));
    for (const indicator of [synthesis.users, synthesis.documents, synthesis.staffRepresentatives, synthesis.evaluation, synthesis.afterTraining]) expect(synth).toContain(indicator.text);
    const lived = livedSynthesis(session);
    const livedText = text(titled(deck.slides, "Le projet tel qu'il a été vécu"));
    expect(livedText).toContain(lived.time.text);
    expect(livedText).toContain(lived.nonUse.text);
    expect(livedText).toContain(lived.feedback.text);
    expect(livedText).toContain('« Cahier des charges du DUI » (étape 5)');
    expect(text(titled(deck.slides, "Plan d'action"))).toContain('Étape manquante');
    expect(titled(deck.slides, 'Objectifs du projet, regard par regard')).toBeDefined();
    const radar = titled(deck.slides, 'Maturité numérique par domaine');
    expect(radar.filter((sp) => sp.name.startsWith('Regard : '))).toHaveLength(3);
    expect(Object.keys(deck.zip.files).filter((f) => f.startsWith('ppt/media/') && !deck.zip.files[f]!.dir)).toEqual([]);
  });

  it('draws on the maps only the notes of the roles asked for', async () => {
    const only = await slidesOf(await deckBytes(session, { ghosts: false, today: '2026-11-24', noteRoles: ['dsi'] }));
    const map = titled(only.slides, 'Cartographie de la conduite de projet');
    expect(map.filter((sp) => sp.name.startsWith('Note : ')).map((sp) => sp.name)).toEqual(['Note : DSI']);
    expect(map.filter((sp) => sp.name.startsWith('Étape manquante'))).toEqual([]);
  });
});

describe('the anonymised deck', () => {
  /** The names of people in the example: the trinôme's positions, the facilitator, person actors. */
  const NAMES = [
    'Directrice adjointe', 'Élue CSE, éducatrice', 'Responsable SI du groupement', 'Chargée de mission Aract',
    "Directrice d'établissement", 'Coordinateurs et coordinatrices de services', 'DSI du groupement', 'Éditeur du logiciel',
  ];
  const escaped = (s: string) => s.replace(/'/g, '&apos;');

  it('holds no name, in any of its XML parts, and still draws every actor by its role', async () => {
    const original = await JSZip.loadAsync(await deckBytes(dui(), { today: '2026-11-24' }));
    const all = async (zip: JSZip) => (await Promise.all(Object.keys(zip.files).filter((f) => f.endsWith('.xml')).map((f) => zip.file(f)!.async('string')))).join('\n');
    // The search sees the names where they are.
    const plain = await all(original);
    expect(NAMES.filter((n) => plain.includes(escaped(n)))).toEqual(NAMES);
    const deck = await slidesOf(await deckBytes(anonymise(dui()), { today: '2026-11-24' }));
    const text = await all(deck.zip);
    expect(NAMES.filter((n) => text.includes(escaped(n)) || text.includes(n))).toEqual([]);
    const map = titled(deck.slides, 'Cartographie des acteurs');
    expect(map.some((sp) => sp.name === 'Acteur : Direction')).toBe(true);
  });
});
