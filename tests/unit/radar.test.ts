/** The maturity radar as SVG: three polygons, the values in words, valid XML, text only as text. */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { Maturity } from '../../src/domain/types';
import { radarGeometry, radarSvg, radarText } from '../../src/render/radar';

const grid: Maturity = {
  pilotage: { direction: 3, 'representant-salaries': 1, dsi: 2 },
  'objets-connectes': { direction: 3, 'representant-salaries': 0, dsi: 'nsp' },
  equipements: { direction: 2, 'representant-salaries': 2, dsi: 3 },
};

function parseXml(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(svg, 'image/svg+xml');
  return { doc, errors };
}

describe('the maturity radar', () => {
  it('draws one polygon per role that rated, in valid XML without foreignObject', () => {
    const svg = radarSvg(grid);
    const { doc, errors } = parseXml(svg);
    expect(errors).toEqual([]);
    expect(svg).not.toContain('foreignObject');
    const polygons = Array.from(doc.getElementsByTagName('polygon')).filter((p) => p.getAttribute('stroke-width') === '2.5');
    expect(polygons).toHaveLength(3);
    // Three distinct dashes: the roles read apart in black and white.
    expect(new Set(polygons.map((p) => p.getAttribute('stroke-dasharray') ?? '')).size).toBe(3);
    expect(new Set(polygons.map((p) => p.getAttribute('fill'))).size).toBe(3);
  });

  it('says its values and divergences as text', () => {
    const { doc } = parseXml(radarSvg(grid));
    const desc = doc.getElementsByTagName('desc')[0]!.textContent ?? '';
    expect(desc).toContain("Pilotage, organisation et suivi de l'activité : Direction 3 Développé, Représentant·e des salarié·es 1 Envisagé, DSI 2 En cours.");
    expect(desc).toContain('DSI Ne sait pas');
    expect(desc).toContain('Divergences : Pilotage, organisation et suivi de l\'activité (écart de 2), Objets connectés (écart de 3).');
    expect(doc.getElementsByTagName('title')[0]!.textContent).toMatch(/^Radar/);
    expect(radarText(undefined)).toContain('Aucune divergence');
  });

  it('puts a rating of 3 on the outer ring, "ne sait pas" at the centre, and draws no polygon for a role that rated nothing', () => {
    const g = radarGeometry({ pilotage: { direction: 3, dsi: 'nsp' } });
    expect(g.polygons.map((p) => p.role)).toEqual(['direction', 'dsi']);
    const top = g.polygons[0]!.points[0]!;
    expect(top).toMatchObject({ x: g.cx, y: g.cy - 120 });
    expect(g.polygons[1]!.points[0]).toMatchObject({ x: g.cx, y: g.cy, rating: 'nsp' });
  });

  it('drawn with larger labels (a small radar), widens so that every label stays inside the drawing', () => {
    for (const size of [12, 19]) {
      const g = radarGeometry(grid, size);
      expect(g.labelSize).toBe(size);
      for (const a of g.axes) {
        // A generous estimate of the label's width: 0.6 em a character.
        const w = a.label.length * size * 0.6;
        const [from, to] = a.anchor === 'start' ? [a.labelX, a.labelX + w] : a.anchor === 'end' ? [a.labelX - w, a.labelX] : [a.labelX - w / 2, a.labelX + w / 2];
        expect(from, `${a.domain} at ${size}`).toBeGreaterThanOrEqual(0);
        expect(to, `${a.domain} at ${size}`).toBeLessThanOrEqual(g.width);
        expect(a.labelY - size, a.domain).toBeGreaterThanOrEqual(0);
        expect(a.labelY + size * 0.3, a.domain).toBeLessThanOrEqual(g.height);
      }
    }
    expect(radarGeometry(grid, 19).width).toBeGreaterThan(radarGeometry(grid).width);
  });
});
