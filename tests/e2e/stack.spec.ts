/**
 * Empilement (the stack of temporalities) and the actions collectives on the home page: two
 * sessions of one establishment on one axis, an institutional event added there that survives a
 * reload, the PNG and SVG exports; sessions listed under their action collective, compared from it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { exampleText, importFile } from './helpers';

/** A second project of the same establishment (spelt otherwise), with dated, planned and undated steps. */
function messagerieFile(): Buffer {
  const file = JSON.parse(exampleText('minimal.json')) as { session: Record<string, unknown> };
  Object.assign(file.session, {
    id: 'messagerie',
    title: 'Messagerie sécurisée',
    establishment: { name: 'Ehpad  les tilleuls' },
    project: { name: 'Messagerie sécurisée' },
    lanes: [{ id: 'l1', label: 'Direction' }],
    steps: [
      { id: 'm1', title: 'Choix de la messagerie', laneId: 'l1', kind: 'choix-solution', markers: [], participants: [], date: '2021-03' },
      { id: 'm2', title: 'Formation des équipes de nuit', laneId: 'l1', kind: 'formation', markers: [], participants: [], date: '2022-04-12' },
      { id: 'm3', title: 'Bilan avec les utilisateurs', laneId: 'l1', kind: 'evaluation', markers: [], participants: [], planned: '2023-01' },
      { id: 'm4', title: 'Ajustements', laneId: 'l1', kind: 'ajustement', markers: [], participants: [] },
    ],
  });
  return Buffer.from(JSON.stringify(file));
}

async function create(page: Page, title: string, establishment: string, options: { template?: string; collective?: string } = {}) {
  await page.getByRole('button', { name: 'Nouvel atelier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel atelier' });
  await dialog.getByRole('textbox', { name: "Titre de l'atelier" }).fill(title);
  if (options.template) await dialog.getByLabel('Modèle').selectOption({ label: options.template });
  await dialog.getByRole('textbox', { name: 'Établissement', exact: true }).fill(establishment);
  if (options.collective) {
    await dialog.getByLabel('Action collective', { exact: true }).fill(options.collective);
    await dialog.getByRole('textbox', { name: "Aract de l'action" }).fill('Aract Pays de la Loire');
  }
  await dialog.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Tous les ateliers' }).click();
}

async function setUp(page: Page) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await create(page, 'DUI 2018', 'EHPAD Les Tilleuls', { template: "Exemple du rapport : DUI d'un groupement médico-social", collective: 'ACIA Pays de la Loire 2023' });
  await create(page, 'Atelier de la clinique', 'Clinique du Parc');
  await importFile(page, { name: 'messagerie.acia.json', mimeType: 'application/json', buffer: messagerieFile() });
  await expect(page.getByRole('status').filter({ hasText: 'Atelier « Messagerie sécurisée » importé.' })).toBeVisible();
}

test('Empilement: two projects of one establishment on one axis, an institutional event that survives a reload, PNG and SVG', async ({ page }) => {
  await setUp(page);
  await page.getByRole('button', { name: 'Empilement', exact: true }).click();
  const view = page.getByRole('dialog', { name: 'Empilement des temporalités' });
  const events = view.getByRole('list', { name: 'Événements institutionnels' }).getByRole('listitem');
  // The establishment with the most sessions comes first, whatever the spelling of its name (the first session's).
  await expect(view.getByRole('combobox', { name: 'Établissement' }).locator('option:checked')).toHaveText('Ehpad les tilleuls (2 ateliers)');
  await expect(view.getByRole('img', { name: /^Empilement des temporalités de Ehpad les tilleuls : 2 projets/ })).toBeVisible();
  await expect(view.getByText(/non placées sur l'axe : .*Dossier usager informatisé \(DUI\) \(8\), Messagerie sécurisée \(1\)/)).toBeVisible();
  const table = view.getByRole('table', { name: "Ce qui s'empile, période par période" });
  const april = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^avril 2022/ }) });
  await expect(april.getByRole('rowheader')).toContainText("s'empilent (2 projets)");
  await expect(april).toContainText('Dossier usager informatisé (DUI) : 10. Nouvelle session de formation');
  await expect(april).toContainText('Messagerie sécurisée : 2. Formation des équipes de nuit');
  await expect(table.getByRole('row').filter({ hasText: 'janvier 2023' })).toContainText('3. Bilan avec les utilisateurs (prévue)');

  // A bad date is refused with a French message, and nothing is added.
  await view.getByRole('textbox', { name: "Intitulé de l'événement" }).fill('Certification HAS');
  await view.getByRole('textbox', { name: "Date de l'événement" }).fill('2022-13');
  await view.getByRole('button', { name: "Ajouter l'événement" }).click();
  await expect(view.getByText("Date de l'événement invalide")).toBeVisible();
  await expect(view.getByText('Certification HAS')).toHaveCount(0);

  await view.getByRole('textbox', { name: "Date de l'événement" }).fill('04/2022');
  await view.getByRole('combobox', { name: "Type d'événement" }).selectOption({ label: 'Certification' });
  await view.getByRole('combobox', { name: 'Atelier qui le garde' }).selectOption({ label: 'Messagerie sécurisée' });
  await view.getByRole('button', { name: "Ajouter l'événement" }).click();
  await expect(view.getByRole('status')).toContainText('Événement « Certification HAS » ajouté');
  await expect(events.filter({ hasText: 'Certification HAS · Certification · avril 2022' })).toContainText("l'atelier « Messagerie sécurisée »");
  await expect(april.getByRole('rowheader')).toContainText("s'empilent (2 projets et 1 événement)");
  await expect(april).toContainText('Certification HAS (Certification)');
  await expect(view.getByRole('img', { name: /1 événement institutionnel/ })).toBeVisible();
  if (process.env.STACK_SHOTS) {
    mkdirSync(process.env.STACK_SHOTS, { recursive: true });
    await page.screenshot({ path: `${process.env.STACK_SHOTS}/empilement-1280.png` });
    await view.getByRole('button', { name: "Ajouter l'événement" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.STACK_SHOTS}/empilement-form.png` });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${process.env.STACK_SHOTS}/empilement-table.png` });
  }

  // Axe finds nothing serious in the view; the event is edited by keyboard alone.
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await events.getByRole('button', { name: 'Modifier « Certification HAS »' }).focus();
  await page.keyboard.press('Enter');
  await expect(view.getByRole('textbox', { name: "Intitulé de l'événement" })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' (visite)');
  await page.keyboard.press('Enter');
  await expect(events.filter({ hasText: 'Certification HAS (visite) · Certification · avril 2022' })).toHaveCount(1);
  await view.getByRole('button', { name: 'Annuler la dernière modification' }).focus();
  await page.keyboard.press('Enter');
  await expect(events.filter({ hasText: 'Certification HAS · Certification · avril 2022' })).toHaveCount(1);

  // Undone, then done again: Annuler la dernière modification takes the event away.
  await view.getByRole('button', { name: 'Annuler la dernière modification' }).click();
  await expect(events.filter({ hasText: 'Certification HAS' })).toHaveCount(0);
  await view.getByRole('textbox', { name: "Intitulé de l'événement" }).fill('Certification HAS');
  await view.getByRole('textbox', { name: "Date de l'événement" }).fill('2022-04');
  await view.getByRole('combobox', { name: "Type d'événement" }).selectOption({ label: 'Certification' });
  await view.getByRole('button', { name: "Ajouter l'événement" }).click();
  await expect(events.filter({ hasText: 'Certification HAS' })).toHaveCount(1);

  // PNG: a real, decodable 16:9 slide, with the piled month drawn in orange.
  const [png] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Exporter en PNG' }).click()]);
  expect(png.suggestedFilename()).toBe('Ehpad les tilleuls - empilement des temporalités.png');
  const image = PNG.sync.read(readFileSync((await png.path())!));
  expect(image.width).toBe(3840);
  expect(image.height).toBe(2160);
  let orange = 0;
  for (let i = 0; i < image.data.length; i += 4 * 7) {
    if (image.data[i]! > 230 && image.data[i + 1]! > 100 && image.data[i + 1]! < 130 && image.data[i + 2]! < 40) orange++;
  }
  expect(orange).toBeGreaterThan(50);
  const [svg] = await Promise.all([page.waitForEvent('download'), view.getByRole('button', { name: 'Exporter en SVG' }).click()]);
  const svgText = readFileSync((await svg.path())!, 'utf8');
  expect(svgText).toContain('Certification HAS');
  expect(svgText).toContain('Messagerie sécurisée');
  expect(svgText).not.toContain('foreignObject');
  if (process.env.STACK_SHOTS) {
    writeFileSync(`${process.env.STACK_SHOTS}/export.png`, readFileSync((await png.path())!));
    writeFileSync(`${process.env.STACK_SHOTS}/export.svg`, svgText);
  }

  // The event is in the session's file: it survives a reload, and shows once.
  await page.reload();
  await page.getByRole('button', { name: 'Empilement', exact: true }).click();
  await expect(events.filter({ hasText: 'Certification HAS · Certification · avril 2022' })).toHaveCount(1);
  // Another establishment is one choice away.
  await view.getByRole('combobox', { name: 'Établissement' }).selectOption({ label: 'Clinique du Parc (1 atelier)' });
  await expect(view.getByRole('img', { name: /^Empilement des temporalités de Clinique du Parc : 1 projet/ })).toBeVisible();
  await expect(events.filter({ hasText: 'Certification HAS' })).toHaveCount(0);
});

test('Action collective: sessions listed under their action, compared from it', async ({ page }) => {
  await setUp(page);
  const list = page.getByRole('list', { name: 'Ateliers' });
  const acia = page.getByRole('list', { name: 'Action collective : ACIA Pays de la Loire 2023' });
  await expect(acia.getByRole('link')).toHaveText(['DUI 2018']);
  await expect(page.getByRole('list', { name: 'Sans action collective' }).getByRole('link')).toHaveText(['Atelier de la clinique', 'Messagerie sécurisée']);
  await expect(list.getByRole('link')).toHaveCount(3);
  await expect(page.getByText('Aract Pays de la Loire')).toBeVisible();

  // The imported session joins the action from its menu; the action's name is offered.
  await page.getByRole('button', { name: 'Actions pour Messagerie sécurisée' }).click();
  await page.getByRole('menuitem', { name: 'Action collective' }).click();
  const dialog = page.getByRole('dialog', { name: 'Action collective de « Messagerie sécurisée »' });
  await dialog.getByLabel('Action collective', { exact: true }).fill('ACIA Pays de la Loire 2023');
  await expect(dialog.getByRole('textbox', { name: "Aract de l'action" })).toHaveValue('Aract Pays de la Loire');
  await dialog.getByRole('textbox', { name: "Fin de l'action" }).fill('2020');
  await dialog.getByRole('textbox', { name: "Début de l'action" }).fill('2023-09');
  await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(dialog.getByText("La fin de l'action collective est avant son début.")).toBeVisible();
  await dialog.getByRole('textbox', { name: "Fin de l'action" }).fill('2024-06');
  await dialog.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(acia.getByRole('link')).toHaveText(['Messagerie sécurisée', 'DUI 2018']);
  await page.reload();
  await expect(acia.getByRole('link')).toHaveText(['Messagerie sécurisée', 'DUI 2018']);

  // Comparer, from the group: its two sessions are ticked.
  await page.getByRole('button', { name: 'Comparer les ateliers de « ACIA Pays de la Loire 2023 »' }).click();
  const compare = page.getByRole('dialog', { name: 'Comparer des établissements' });
  await expect(compare.getByRole('checkbox', { name: 'DUI 2018' })).toBeChecked();
  await expect(compare.getByRole('checkbox', { name: 'Messagerie sécurisée' })).toBeChecked();
  await expect(compare.getByRole('checkbox', { name: 'Atelier de la clinique' })).not.toBeChecked();
  await expect(compare.getByRole('table')).toBeVisible();
  if (process.env.STACK_SHOTS) {
    await compare.getByRole('button', { name: 'Fermer' }).click();
    await page.screenshot({ path: `${process.env.STACK_SHOTS}/home-groups.png`, fullPage: true });
  }
});
