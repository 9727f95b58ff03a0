import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

export const examplePath = (name: string) => fileURLToPath(new URL(`../../docs/format/examples/${name}`, import.meta.url));
export const exampleText = (name: string) => readFileSync(examplePath(name), 'utf8');

/** The links to sessions in the home page list. */
export const sessionLinks = (page: Page) => page.getByRole('list', { name: 'Ateliers' }).getByRole('link');

export async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.getByLabel('Fichier à importer').setInputFiles(file);
}

export async function createSession(page: Page, title: string, fields: { establishment?: string; project?: string } = {}) {
  await page.getByRole('button', { name: 'Nouvel atelier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel atelier' });
  await dialog.getByRole('textbox', { name: "Titre de l'atelier" }).fill(title);
  if (fields.establishment) await dialog.getByRole('textbox', { name: 'Établissement' }).fill(fields.establishment);
  if (fields.project) await dialog.getByRole('textbox', { name: 'Projet numérique' }).fill(fields.project);
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * What a map shows, measured on screen: points every 3 px along each drawn edge (`edges`: their
 * selector) that fall inside a box other than the edge's ends (2 px in from the border), and labels
 * that overlap a box or another label.
 */
export async function crossingsOnScreen(page: Page, edges: string) {
  return page.evaluate((edges) => {
    // The map of these edges only (the other map may still be in the page).
    const flow = document.querySelector(`.session-page ${edges}`)?.closest('.react-flow');
    if (!flow) return { lines: ['no map'], overlaps: [], labels: 0 };
    const boxes = [...flow.querySelectorAll<HTMLElement>('.react-flow__node')].map((n) => ({ id: n.dataset.id!, r: n.getBoundingClientRect() }));
    const inside = (x: number, y: number, r: DOMRect) => x > r.left + 2 && x < r.right - 2 && y > r.top + 2 && y < r.bottom - 2;
    const lines: string[] = [];
    for (const edge of flow.querySelectorAll<SVGGElement>(edges)) {
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path')!;
      const [source, target] = [edge.dataset.source, edge.dataset.target];
      const m = path.getScreenCTM()!;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 3) {
        const p = path.getPointAtLength(at);
        const x = m.a * p.x + m.c * p.y + m.e;
        const y = m.b * p.x + m.d * p.y + m.f;
        for (const b of boxes) if (b.id !== source && b.id !== target && inside(x, y, b.r)) lines.push(`${edge.getAttribute('aria-label')} × ${b.id}`);
      }
    }
    const labels = [...flow.querySelectorAll<SVGGElement>('.react-flow__edge-textwrapper')].map((l) => ({ text: l.textContent, r: l.getBoundingClientRect() }));
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const overlaps: string[] = [];
    labels.forEach((l, i) => {
      for (const b of boxes) if (meet(l.r, b.r)) overlaps.push(`${l.text} × ${b.id}`);
      for (const o of labels.slice(i + 1)) if (meet(l.r, o.r)) overlaps.push(`${l.text} × ${o.text}`);
    });
    return { lines: [...new Set(lines)], overlaps, labels: labels.length };
  }, edges);
}
