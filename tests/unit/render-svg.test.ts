import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { asciiJson, readSvgMetadata } from '../../src/domain/format/embed';
import { parseSessionFile, serializeSessionFile } from '../../src/domain/format/file';
import { renderActorSvg } from '../../src/render/actorSvg';
import { renderConductSvg } from '../../src/render/conductSvg';
import type { Session } from '../../src/domain/types';
import { exampleText } from '../formatExamples';

function dui(): Session {
  const parsed = parseSessionFile(exampleText('dui-groupement.json'));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  return parsed.value.session;
}

function parseXml(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
}

const texts = (doc: ReturnType<typeof parseXml>['doc']) =>
  Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');

describe('the replay of the conduct map', () => {
  const session = dui();
  const tinted = (svg: string) => (svg.match(/fill="#fff4d6"/g) ?? []).length;

  it('rings the current step and tints the lanes of its four participants', () => {
    const { svg } = renderConductSvg(session, { current: session.steps[2]!.id, today: '2026-11-24' });
    expect(parseXml(svg).errors).toEqual([]);
    expect((svg.match(/class="current-step"/g) ?? []).length).toBe(1);
    expect(tinted(svg)).toBe(4);
  });

  it('draws neither ring nor tint on the whole map', () => {
    const { svg } = renderConductSvg(session, { today: '2026-11-24' });
    expect(svg).not.toContain('current-step');
    expect(tinted(svg)).toBe(0);
  });
});

describe('the SVG renderer of the conduct map', () => {
  const session = dui();
  const embed = asciiJson((serializeSessionFile(session) as { ok: true; value: string }).value);
  const { svg, width, height } = renderConductSvg(session, { embed, today: '2026-11-24' });

  it('writes well-formed XML with no foreignObject', () => {
    const { doc, errors } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(doc.documentElement!.nodeName).toBe('svg');
    expect(svg).not.toContain('foreignObject');
    expect(width).toBeGreaterThan(1000);
    expect(height).toBeGreaterThan(500);
  });

  it('shows every step number, the lanes, the chronology and the legend as text', () => {
    const all = texts(parseXml(svg).doc);
    for (let n = 1; n <= 11; n++) expect(all).toContain(String(n));
    expect(all.join(' ')).toContain('Groupe de travail');
    expect(all.join(' ')).toContain('Déroulé chronologique');
    expect(all.join(' ')).toContain('Légende');
    expect(all.join(' ')).toContain("Documents attestant l'étape");
    expect(all.join(' ')).toContain('2018');
  });

  it('draws the link of the example with an arrowhead', () => {
    const { doc } = parseXml(svg);
    const links = Array.from(doc.getElementsByTagName('path')).filter((p) => p.getAttribute('class') === 'link');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('marker-end')).toBe('url(#arrow)');
  });

  it('carries the session in its metadata, which reads back to an equal session', () => {
    const back = readSvgMetadata(svg);
    expect(back).not.toBeNull();
    const parsed = parseSessionFile(back!);
    expect(parsed.ok && parsed.value.session).toEqual(session);
  });

  it('shows text with markup as text', () => {
    const hostile = { ...session, title: '<script>alert(1)</script> & co' };
    const out = renderConductSvg(hostile).svg;
    expect(out).not.toContain('<script>');
    expect(texts(parseXml(out).doc)).toContain('<script>alert(1)</script> & co');
  });
});

describe('the SVG renderer of the actor map', () => {
  const session = dui();
  const { svg } = renderActorSvg(session);

  it('writes well-formed XML with every actor name and the relations', () => {
    const { doc, errors } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(svg).not.toContain('foreignObject');
    const all = texts(doc).join(' ');
    for (const actor of session.actors) expect(all).toContain(actor.name.split(' ')[0]!);
    expect(Array.from(doc.getElementsByTagName('line')).filter((l) => l.getAttribute('class') === 'relation')).toHaveLength(9);
    expect(all).toContain('Finance\u00a0: Appel à projets');
    const sentences = Array.from(doc.getElementsByTagName('line')).map((l) => l.getElementsByTagName('title')[0]?.textContent);
    expect(sentences).toContain('ARS finance Groupement');
    expect(sentences).toContain('DSI du groupement coopère avec Groupe de travail DUI');
  });
});
