/**
 * The deck opens in LibreOffice Impress: converted to PDF headless (`soffice`, Debian's
 * libreoffice-impress, installed by .ci/run), the conduct-map and actor-map pages are rasterised
 * (`pdftoppm`, poppler-utils) and are not blank, and their text (step titles, actor names) is
 * there as text: the shapes were read as shapes. A private LibreOffice profile per run, so parallel
 * runs do not share one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSessionFile } from '../../src/domain/format/file';
import { deckBytes } from '../../src/features/export/pptx';
import { exampleText } from '../formatExamples';

const dir = mkdtempSync(join(tmpdir(), 'acia-deck-'));

/** The share of non-white pixels of a page and how many colours it has (to 4 bits a channel). */
function ink(file: string): { inked: number; colours: number } {
  const png = PNG.sync.read(readFileSync(file));
  let inked = 0;
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    if (r < 235 || g < 235 || b < 235) inked++;
    colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
  }
  return { inked: inked / (png.width * png.height), colours: colours.size };
}

describe('the DUI deck in LibreOffice', () => {
  let pages = 0;
  const page = (n: number) => {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', String(n), '-l', String(n), '-singlefile', join(dir, 'deck.pdf'), join(dir, `page-${n}`)]);
    return ink(join(dir, `page-${n}.png`));
  };
  const text = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), join(dir, 'deck.pdf'), '-'], { encoding: 'utf8' });

  beforeAll(async () => {
    const parsed = parseSessionFile(exampleText('dui-groupement.json'));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    writeFileSync(join(dir, 'deck.pptx'), await deckBytes(parsed.value.session, { ghosts: true, today: '2026-11-24' }));
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'deck.pptx')], { timeout: 90_000, stdio: 'ignore' });
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'deck.pdf')], { encoding: 'utf8' }))![1]);
  }, 100_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts every slide, and the conduct map page is drawn, in colour, with the steps as text', () => {
    expect(pages).toBe(14);
    const { inked, colours } = page(2);
    expect(inked).toBeGreaterThan(0.15);
    expect(colours).toBeGreaterThan(12);
    const words = text(2).replace(/\s+/g, ' ');
    for (const title of ['Choix du logiciel', 'Prise en main du logiciel', 'Groupe de travail DUI', 'Étape manquante']) expect(words).toContain(title);
  });

  it('the actor map page is drawn, with the actors and the relations’ labels as text', () => {
    const { inked, colours } = page(4);
    expect(inked).toBeGreaterThan(0.08);
    expect(colours).toBeGreaterThan(12);
    const words = text(4).replace(/\s+/g, ' ');
    for (const name of ['Groupement', 'Éditeur du logiciel', 'Professionnel·les', 'Fournit']) expect(words).toContain(name);
  });
});
