/**
 * The map fills the screen of a 13-inch laptop and of a 1280 × 720 projector: the canvas's share
 * of the window, every title readable at fit zoom, the mini-map covering nothing, a new step
 * brought into view, the offline notice gone by itself, and the room mode.
 */
import { expect, test, type Page } from '@playwright/test';
import { examplePath, importFile } from './helpers';

const SIZES = [
  { width: 1280, height: 720, share: 0.65 },
  { width: 1366, height: 768, share: 0.7 },
] as const;

const steps = (page: Page) => page.locator('.react-flow__node-step');

async function openDui(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(page.getByRole('group', { name: /^Étape 11 / })).toBeVisible();
}

/** The height on screen of the first line of each step's title (0 when a step shows no title). */
const firstTitleLines = (page: Page) =>
  steps(page).evaluateAll((nodes) =>
    nodes.map((node) => {
      const title = node.querySelector('.step-title');
      const text = [...(title?.childNodes ?? [])].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!text) return 0;
      const range = document.createRange();
      const at = text.textContent!.search(/\S/);
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      return range.getClientRects()[0]?.height ?? 0;
    }),
  );

for (const size of SIZES) {
  test(`at ${size.width} × ${size.height}, the map takes ${size.share * 100} % of the window and every title of the DUI example reads at 12 px or more`, async ({ page }) => {
    await page.setViewportSize(size);
    await openDui(page);
    // The offline notice shows over the header line, never over the map, and goes by itself.
    const notice = page.getByText("L'application fonctionne désormais sans connexion.");
    const canvas = page.getByRole('region', { name: 'Cartographie de la conduite de projet' });
    if (await notice.isVisible()) {
      const n = (await notice.boundingBox())!;
      const c = (await canvas.boundingBox())!;
      expect(n.y + n.height).toBeLessThanOrEqual(c.y);
    }
    await expect(notice).toHaveCount(0, { timeout: 10_000 });

    const box = (await canvas.boundingBox())!;
    expect((box.width * box.height) / (size.width * size.height)).toBeGreaterThanOrEqual(size.share);

    await page.getByRole('button', { name: 'Tout afficher' }).first().click();
    await expect(steps(page)).toHaveCount(12);
    await expect.poll(async () => Math.min(...(await firstTitleLines(page)))).toBeGreaterThanOrEqual(12);
    // Each title is on the map itself, and the lanes' labels are in the canvas.
    await expect(steps(page).filter({ hasText: 'Choix du logiciel' })).toBeVisible();
    const label = (await page.locator('.lane-label', { hasText: 'Groupement' }).boundingBox())!;
    expect(label.x).toBeGreaterThanOrEqual(box.x);

    // No mini-map over the map in a window this size; shown on demand, and remembered.
    const miniMap = page.getByRole('img', { name: 'Mini-carte' });
    await expect(miniMap).toHaveCount(0);
    await page.getByRole('button', { name: 'Mini-carte' }).click();
    await expect(miniMap).toBeVisible();
    await page.reload();
    await expect(page.getByRole('img', { name: 'Mini-carte' })).toBeVisible();
  });
}

test('the side panels fold away and stay folded; an editor still opens beside the map', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDui(page);
  const canvas = page.getByRole('region', { name: 'Cartographie de la conduite de projet' });
  const before = (await canvas.boundingBox())!.width;
  await page.getByRole('button', { name: 'Panneaux' }).click();
  await expect(page.getByRole('list', { name: 'Déroulé chronologique' })).toHaveCount(0);
  await expect.poll(async () => (await canvas.boundingBox())!.width).toBeGreaterThan(before + 200);
  await page.getByRole('group', { name: /^Étape 5 / }).click();
  await expect(page.getByRole('textbox', { name: 'Titre' })).toHaveValue('Choix du logiciel');
  await page.reload();
  await expect(page.getByRole('group', { name: /^Étape 11 / })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Déroulé chronologique' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Panneaux' })).toHaveAttribute('aria-pressed', 'false');
});

test('undated steps added to a typical project are in order on an axis without years, and each new one comes into view', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Nouvel atelier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel atelier' });
  await dialog.getByRole('textbox', { name: "Titre de l'atelier" }).fill('Messagerie sécurisée');
  await dialog.getByLabel('Modèle').selectOption({ label: "Couloirs d'un projet type" });
  await dialog.getByRole('button', { name: 'Créer' }).click();
  const canvas = page.getByRole('region', { name: 'Cartographie de la conduite de projet' });
  await expect(canvas).toBeVisible();
  for (let i = 1; i <= 4; i++) {
    await page.getByRole('button', { name: 'Ajouter une étape' }).click();
    await page.getByRole('textbox', { name: 'Titre' }).fill(`Étape non datée ${i}`);
    await page.getByRole('textbox', { name: 'Titre' }).press('Enter');
    const node = page.getByRole('group', { name: new RegExp(`^Étape ${i} : Étape non datée ${i}`) });
    await expect(node).toBeVisible();
    // Inside the canvas once the view has followed it.
    await expect.poll(async () => {
      const n = (await node.boundingBox())!;
      const c = (await canvas.boundingBox())!;
      return n.x >= c.x && n.y >= c.y && n.x + n.width <= c.x + c.width && n.y + n.height <= c.y + c.height;
    }).toBe(true);
  }
  await expect(canvas.getByText("Sans dates : les étapes dans l'ordre de la chronologie")).toBeVisible();
  await expect(canvas.getByText("Aujourd'hui")).toHaveCount(0);
  await expect(canvas.getByText(/^20\d\d$/)).toHaveCount(0);
});

test('the room mode shows the map alone, in large type, and the keys go from step to step and from map to map', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDui(page);
  await page.getByRole('button', { name: 'Mode salle' }).click();
  await expect(page.getByRole('button', { name: 'Mode salle' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('toolbar', { name: 'Conduite de projet' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const second = page.getByRole('group', { name: /^Étape 2 / });
  await expect(second).toHaveClass(/selected/);
  // Centred, and its title at least as large as 16 px type.
  await expect.poll(async () => {
    const n = (await second.boundingBox())!;
    return Math.abs(n.x + n.width / 2 - 640) < 40;
  }).toBe(true);
  const line = await second.locator('.step-title').evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return range.getClientRects()[0]!.height;
  });
  expect(line).toBeGreaterThanOrEqual(16);
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('tab', { name: 'Acteurs' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('tab', { name: 'Synthèse' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Mode salle' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('tab', { name: 'Conduite de projet' }).click();
  await expect(page.getByRole('toolbar', { name: 'Conduite de projet' })).toBeVisible();
});
