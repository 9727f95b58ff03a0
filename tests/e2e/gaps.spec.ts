import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { examplePath, importFile } from './helpers';

/** Imports the report's DUI example as it was written in format 1, and opens it. */
async function openDuiV1(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('v1/dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(page.getByRole('tab', { name: 'Conduite de projet' })).toHaveAttribute('aria-selected', 'true');
}

const ghosts = (page: Page) => page.getByRole('group', { name: /^Étape manquante :/ });

test('the holes of the v1 DUI example are drawn; one planned becomes a step à venir, one set aside is in the Synthèse; a second planned, the deck has the plan', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDuiV1(page);
  await expect(ghosts(page)).toHaveCount(4);
  const cse = page.getByRole('group', { name: /^Étape manquante : Information et consultation du CSE/ });
  await expect(cse).toBeVisible();
  await page.screenshot({ path: '/tmp/gaps-dui-v1.png' });

  // Planifier: a numbered step à venir, in the CSE lane.
  await cse.click();
  await page.getByRole('textbox', { name: 'Date prévue' }).fill('2026-03');
  await page.getByRole('button', { name: 'Planifier' }).click();
  const planned = page.getByRole('group', { name: /^Étape 12 : Information et consultation du CSE/ });
  await expect(planned).toBeVisible();
  await expect(planned).toContainText('À venir');
  await expect(ghosts(page)).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.screenshot({ path: '/tmp/gaps-planned.png' });

  await page.reload();
  await expect(page.getByRole('group', { name: /^Étape 12 : Information et consultation du CSE/ })).toBeVisible();
  await expect(ghosts(page)).toHaveCount(3);

  // Écarter, with a reason.
  await page.getByRole('group', { name: /^Étape manquante : Circuit organisé des remontées/ }).click();
  await page.getByRole('button', { name: 'Écarter' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Indiquez pourquoi' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Raison' }).fill('Un outil de tickets est déjà en place depuis 2023.');
  await page.getByRole('button', { name: 'Écarter' }).click();
  await expect(ghosts(page)).toHaveCount(2);

  await page.getByRole('tab', { name: 'Synthèse' }).click();
  const plan = page.getByRole('region', { name: "Plan d'action" });
  await expect(plan).toContainText('Information et consultation du CSE avant le déploiement, à venir');
  await expect(plan).toContainText('mars 2026');
  await expect(plan).toContainText('Un outil de tickets est déjà en place depuis 2023.');

  // The toggle hides the ghosts, and shows them again.
  await page.getByRole('tab', { name: 'Conduite de projet' }).click();
  const toggle = page.getByRole('checkbox', { name: 'Étapes manquantes' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(ghosts(page)).toHaveCount(0);
  await toggle.check();
  await expect(ghosts(page)).toHaveCount(2);

  // A second hole planned, then the deck: its « Plan d'action » slide has both, and the one set aside.
  await page.getByRole('group', { name: /^Étape manquante : Évaluation/ }).click();
  await page.getByRole('textbox', { name: 'Date prévue' }).fill('2026-06');
  await page.getByRole('button', { name: 'Planifier' }).click();
  await expect(page.getByRole('group', { name: /^Étape 13 : Évaluation/ })).toBeVisible();
  // A review after the last training also answers « what follows the training » (domain/gaps.ts): no hole left.
  await expect(ghosts(page)).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter' }).click();
  await page.getByRole('menuitem', { name: 'Diaporama (PPTX)' }).click();
  const deck = await JSZip.loadAsync(Buffer.concat(await (await (await downloading).createReadStream()).toArray()));
  const texts = await Promise.all(
    Object.keys(deck.files)
      .filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))
      .map(async (f) => [...(await deck.file(f)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!).join(' ').replace(/&apos;/g, "'").replace(/[\u00a0\u202f]/g, ' ')),
  );
  const planSlide = texts.find((t) => t.startsWith("Plan d'action"));
  expect(planSlide).toContain('Étape 12 : Information et consultation du CSE avant le déploiement, à venir (prévue en mars 2026)');
  expect(planSlide).toContain("Étape 13 : Évaluation / retour d'expérience après le déploiement, à venir (prévue en juin 2026)");
  expect(planSlide).toContain('Un outil de tickets est déjà en place depuis 2023.');
});

test('a missing step is reached and acted on by keyboard', async ({ page }) => {
  await openDuiV1(page);
  await page.getByRole('group', { name: /^Étape manquante : Évaluation/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: 'Raison' }).fill('Une enquête de satisfaction est prévue par le groupement.');
  await page.getByRole('textbox', { name: 'Raison' }).press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /^Étape manquante : Évaluation/ })).toHaveCount(0);
  await expect(ghosts(page)).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(ghosts(page)).toHaveCount(4);
});
