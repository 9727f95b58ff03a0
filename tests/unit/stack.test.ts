/**
 * The stack of temporalities: sessions grouped by establishment, bands, ticks, the events' lane,
 * the counts per month, and the SVG drawn from them (valid XML, no foreignObject).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { establishmentKey, groupByEstablishment, layoutStack, mergeEvents, STACK_LAYOUT, stackPeriods, type StackSession } from '../../src/domain/stack';
import type { Step } from '../../src/domain/types';
import { renderStackSvg } from '../../src/render/stackSvg';
import { exampleText } from '../formatExamples';

const step = (id: string, fields: Partial<Step> = {}): Step => ({ id, title: `Étape ${id}`, laneId: 'l', kind: 'autre', markers: [], participants: [], ...fields });

function session(id: string, steps: Step[], events: StackSession['institutionalEvents'] = undefined, establishment = 'EHPAD Les Tilleuls'): StackSession {
  return { id, title: `Atelier ${id}`, establishment: { name: establishment }, project: { name: `Projet ${id}` }, steps, ...(events ? { institutionalEvents: events } : {}) };
}

const dpi = session('dpi', [step('a', { date: '2021-03' }), step('b', { date: '2021-03-28' }), step('c', { planned: '2023-06' }), step('d')], [
  { id: 'e1', date: '2021-03', title: 'Comité de pilotage', kind: 'comite' },
]);
const msg = session('msg', [step('x', { date: '2021-03-20' }), step('y', { date: '2022' }), step('z')], [
  { id: 'e9', date: '2021-03', title: 'Comité  de pilotage', kind: 'comite' },
  { id: 'e2', date: '2022-09', title: 'Certification HAS', kind: 'certification' },
]);

describe('sessions by establishment', () => {
  it('one establishment whatever its spelling; the group with the most sessions first', () => {
    expect(establishmentKey('  EHPAD  Les Tilleuls ')).toBe(establishmentKey('Ehpad les tilleuls'));
    expect(establishmentKey('Hôpital Saint-Éloi')).toBe(establishmentKey('hopital saint eloi'));
    expect(establishmentKey('Hôpital A')).not.toBe(establishmentKey('Hôpital B'));
    const groups = groupByEstablishment([
      { id: '1', establishment: { name: 'Clinique du Parc' }, createdAt: '2026-01-01T00:00:00Z' },
      { id: '2', establishment: { name: 'EHPAD Les Tilleuls' }, createdAt: '2026-03-01T00:00:00Z' },
      { id: '3', establishment: { name: 'ehpad les  tilleuls' }, createdAt: '2026-02-01T00:00:00Z' },
    ]);
    // A tie between two spellings: the session created first names the establishment.
    expect(groups.map((g) => [g.name, g.sessionIds])).toEqual([['ehpad les tilleuls', ['2', '3']], ['Clinique du Parc', ['1']]]);
    // The most common spelling wins.
    const more = groupByEstablishment([...['a', 'b'].map((id) => ({ id, establishment: { name: 'EHPAD Les Tilleuls' } })), { id: 'c', establishment: { name: 'ehpad les tilleuls' }, createdAt: '2000-01-01T00:00:00Z' }]);
    expect(more[0]!.name).toBe('EHPAD Les Tilleuls');
  });

  it('identical events of several sessions are one event, held by each', () => {
    const merged = mergeEvents([dpi, msg]);
    expect(merged.map((e) => [e.title, e.holders.map((h) => h.sessionId)])).toEqual([
      ['Comité de pilotage', ['dpi', 'msg']],
      ['Certification HAS', ['msg']],
    ]);
  });
});

describe('layoutStack', () => {
  const layout = layoutStack([dpi, msg]);

  it('one band per session, ticks at their dates, planned steps drawn as planned, undated steps counted', () => {
    expect(layout.bands.map((b) => b.sessionId)).toEqual(['dpi', 'msg']);
    const [a, b] = layout.bands;
    expect(a!.ticks.map((t) => [t.number, t.status])).toEqual([[1, 'fait'], [2, 'fait'], [3, 'prevu']]);
    expect(a!.undated).toBe(1);
    expect(b!.undated).toBe(1);
    expect(layout.undated).toBe(2);
    // Whole years around what is dated: 2021 to 2023.
    expect(layout.axis.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    // Later is further right; a tick known to the year only spans its year.
    const x = (id: string) => layout.bands.flatMap((bd) => bd.ticks).find((t) => t.stepId === id)!;
    expect(x('a').x).toBeLessThan(x('b').x);
    expect(x('b').x).toBeLessThan(x('y').x);
    expect(x('y').span).toEqual({ x0: layout.axis.years[1]!.x0, x1: layout.axis.years[1]!.x1 });
    // Two ticks too close to share a row go in two rows; the band is below the previous one.
    expect(new Set(a!.ticks.slice(0, 2).map((t) => t.row)).size).toBe(2);
    expect(b!.y).toBe(a!.y + a!.height);
  });

  it('the events lane holds each event once; counts per month show the piles', () => {
    expect(layout.events.items.map((e) => e.title)).toEqual(['Comité de pilotage', 'Certification HAS']);
    expect(layout.events.y).toBeGreaterThanOrEqual(layout.bands[1]!.y + layout.bands[1]!.height);
    const march = layout.counts.months.find((m) => m.month === '2021-03')!;
    expect(march).toMatchObject({ steps: 3, projects: 2, events: 1, piled: true });
    const sept = layout.counts.months.find((m) => m.month === '2022-09')!;
    expect(sept).toMatchObject({ steps: 0, projects: 0, events: 1, piled: false });
    expect(layout.counts.months.find((m) => m.month === '2023-06')).toMatchObject({ steps: 1, piled: false });
    // A step known to the year only is in no month.
    expect(layout.counts.months.some((m) => m.month.startsWith('2022-') && m.steps > 0)).toBe(false);
    expect(layout.counts.max).toBe(4);
  });

  it('the text alternative lists what is piled when, the year before its months', () => {
    const periods = stackPeriods(layout);
    expect(periods.map((p) => p.period)).toEqual(['2021-03', '2022', '2022-09', '2023-06']);
    expect(periods[0]).toMatchObject({ projects: 2, piled: true });
    expect(periods[0]!.steps.map((s) => `${s.sessionId} ${s.number}`)).toEqual(['dpi 1', 'dpi 2', 'msg 1']);
    expect(periods[0]!.events).toEqual([{ title: 'Comité de pilotage', kind: 'comite' }]);
  });

  it('an event near the axis end writes its label left of its mark', () => {
    const late = layoutStack([session('t', [step('q', { date: '2020-01' })], [{ id: 'e', date: '2020-12', title: 'Échéance de fin d’année', kind: 'echeance-reglementaire' }])]);
    expect(late.events.items[0]!.labelSide).toBe('left');
    expect(layout.events.items[0]!.labelSide).toBe('right');
  });

  it('nothing dated: an empty stack, still one band per session', () => {
    const empty = layoutStack([session('vide', [step('q')])]);
    expect(empty.empty).toBe(true);
    expect(empty.bands[0]!.undated).toBe(1);
  });
});

/** Four projects of one establishment, 2019–2024, steps crowding the same months, eight events. */
function dense(): StackSession[] {
  const months = ['2019-09', '2020-01', '2020-01-20', '2020-02', '2020-06', '2021', '2021-03', '2021-03', '2021-04', '2022-01', '2022-01-10', '2022-09', '2023-03', '2023-04'];
  const projects = ['DPI', 'Messagerie sécurisée', 'Télémédecine', 'Logiciel RH'];
  return projects.map((name, p) => ({
    ...session(`p${p}`, months.slice(p % 3).map((m, i) => step(`p${p}-${i}`, i % 5 === 4 ? { planned: m } : { date: m }))),
    project: { name },
    title: `Atelier ${name}`,
    institutionalEvents: [
      { id: `c${p}`, date: '2021-03', title: 'Comité de pilotage du GHT', kind: 'comite' as const },
      { id: `a${p}`, date: `${2020 + p}-06`, title: `Appel à projets ESMS numérique, vague ${p + 1}`, kind: 'appel-a-projets' as const },
      { id: `h${p}`, date: '2022-01', title: 'Visite de certification HAS', kind: 'certification' as const },
    ],
  }));
}

describe('a dense stack', () => {
  it('ticks of a band never overlap in a row, nor events’ labels in the lane', () => {
    const layout = layoutStack(dense(), { measure: (t) => t.length * 7 });
    expect(layout.bands).toHaveLength(4);
    for (const band of layout.bands) {
      for (const a of band.ticks) for (const b of band.ticks) {
        if (a !== b && a.row === b.row) expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(22);
        expect(a.y).toBeGreaterThan(band.y);
        expect(a.y).toBeLessThan(band.y + band.height);
      }
    }
    // Shared events once: the committee and the certification of the four sessions, four calls.
    expect(layout.events.items).toHaveLength(6);
    const extent = (e: (typeof layout.events.items)[number]): [number, number] => {
      const w = Math.min(STACK_LAYOUT.eventLabelMax, e.title.length * 7);
      return e.labelSide === 'right' ? [e.x - 8, e.x + 12 + w] : [e.x - 12 - w, e.x + 8];
    };
    for (const a of layout.events.items) for (const b of layout.events.items) {
      if (a === b || a.row !== b.row) continue;
      const [a0, a1] = extent(a);
      const [b0, b1] = extent(b);
      expect(a1 <= b0 || b1 <= a0).toBe(true);
    }
    expect(layout.counts.months.find((m) => m.month === '2021-03')).toMatchObject({ projects: 4, piled: true });
    if (process.env.STACK_SVG_OUT) writeFileSync(`${process.env.STACK_SVG_OUT}/dense.svg`, renderStackSvg(dense(), { establishment: 'Centre hospitalier de Cholet' }).svg);
  });
});

describe('renderStackSvg', () => {
  it('is well-formed XML with no foreignObject, and draws each band, tick and event', () => {
    const dui = parseSessionFile(exampleText('dui-groupement.json'));
    if (!dui.ok) throw new Error(dui.errors[0]!.message);
    const sessions = [dui.value.session, { ...msg, establishment: dui.value.session.establishment }];
    const { svg, width, height } = renderStackSvg(sessions, { establishment: 'Groupement <médico-social> & co' });
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(svg).not.toContain('foreignObject');
    expect(doc.documentElement!.getAttribute('width')).toBe(String(width));
    expect(height).toBeGreaterThan(300);
    expect(svg).toContain('Empilement des temporalités — Groupement &lt;médico-social&gt; &amp; co');
    expect(svg).toContain('>Dossier usager informatisé<');
    expect(svg).toContain('Certification HAS');
    // The DUI's dated or planned steps (1, 2, 9, 10) are drawn; the eight undated ones are said.
    expect(svg).toContain('Étape 10 : Nouvelle session de formation (avril 2022)');
    expect(svg).toContain('8 étapes sans date, non placées');
    if (process.env.STACK_SVG_OUT) {
      mkdirSync(process.env.STACK_SVG_OUT, { recursive: true });
      writeFileSync(`${process.env.STACK_SVG_OUT}/stack.svg`, svg);
    }
  });
});
