import { expect, test, type Page } from '@playwright/test';
import { crossingsOnScreen, examplePath, importFile } from './helpers';

async function openDuiActors(page: Page) {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await expect(page.getByRole('group', { name: /^Acteur : ARS/ })).toBeVisible();
}

const matrix = (page: Page) => page.getByRole('table', { name: 'Participation des acteurs aux étapes' });

test('the DUI actors and relations render with their legend; the CSE stands out as never involved', async ({ page }) => {
  await openDuiActors(page);
  await expect(page.getByRole('group', { name: /^Acteur : / })).toHaveCount(11);
  await expect(page.getByRole('group', { name: /^Relation : / })).toHaveCount(9);
  await expect(page.getByRole('group', { name: 'Relation : ARS finance Groupement (Appel à projets)' })).toHaveCount(1);
  await expect(page.locator('.react-flow__edge path[marker-end]').first()).toBeVisible();
  const legend = page.getByRole('region', { name: 'Légende' });
  await expect(legend).toContainText('Acteurs régionaux');
  await expect(legend).toContainText('Représentant·es du personnel');
  await expect(legend).toContainText('Finance');
  await expect(legend).toContainText('Remonte à');
  await expect(page.getByRole('group', { name: /^Acteur : CSE, Représentant·es du personnel, associé à aucune étape/ })).toBeVisible();
  await expect(matrix(page).getByRole('row', { name: /^CSE/ })).toContainText('aucune étape');
  await expect(matrix(page).getByRole('row', { name: /^ARS/ })).not.toContainText('aucune étape');
  await page.screenshot({ path: 'test-results/dui-actor-map.png' });
});

test('zoomed far out, actors are their category icons and relations lose their labels; zooming back in shows them', async ({ page }) => {
  await openDuiActors(page);
  const ars = page.getByRole('group', { name: /^Acteur : ARS/ });
  const finance = page.getByRole('group', { name: 'Relation : ARS finance Groupement (Appel à projets)' });
  await expect(ars).toContainText('ARS');
  await expect(finance).toContainText('Finance : Appel à projets');
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom arrière' }).click();
  await expect(ars).not.toContainText('ARS');
  await expect(finance).not.toContainText('Appel à projets');
  await expect(ars).toHaveAccessibleName(/^Acteur : ARS/);
  await expect(finance).toHaveCount(1);
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom avant' }).click();
  await expect(ars).toContainText('ARS');
  await expect(finance).toContainText('Finance : Appel à projets');
});

test('selecting step 3 highlights its four participants on the actor map', async ({ page }) => {
  await openDuiActors(page);
  await page.getByRole('tab', { name: 'Conduite de projet' }).click();
  await page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button', { name: /Constitution d'un groupe de travail/ }).click();
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await expect(page.locator('.actor-node.is-highlighted')).toHaveCount(4);
  for (const name of ['Groupement', 'Groupe de travail DUI', 'DSI du groupement', "Directrice d'établissement"]) {
    await expect(page.getByRole('group', { name: new RegExp(`^Acteur : ${name}`) }).locator('.actor-node')).toHaveClass(/is-highlighted/);
  }
});

test('a matrix cell changes the step participants on the other tab, and undo goes back one click at a time', async ({ page }) => {
  await openDuiActors(page);
  const cell = matrix(page).getByRole('button', { name: /^Participation de CSE à l'étape 3 :/ });
  await expect(cell).toHaveAccessibleName("Participation de CSE à l'étape 3 : aucune");
  await cell.click(); // pilote
  await cell.click(); // contribue
  await cell.click(); // informé·e
  await expect(cell).toHaveAccessibleName("Participation de CSE à l'étape 3 : Informé·e");
  await expect(page.getByRole('group', { name: /^Acteur : CSE/ })).not.toHaveAccessibleName(/aucune étape/);
  await page.getByRole('tab', { name: 'Conduite de projet' }).click();
  await page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button', { name: /Constitution d'un groupe de travail/ }).click();
  await expect(page.getByRole('combobox', { name: 'Rôle de CSE' })).toHaveValue('informe');
  // Each click on the cell was one gesture, so one undo step.
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('combobox', { name: 'Rôle de CSE' })).toHaveValue('contribue');
  await page.getByRole('button', { name: 'Annuler' }).click();
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('combobox', { name: 'Rôle de CSE' })).toHaveCount(0);
});

test('a note written as DSI shows in the DSI colour and survives a reload', async ({ page }) => {
  await openDuiActors(page);
  await page.getByRole('button', { name: 'Ajouter une note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle note' });
  await dialog.getByRole('textbox', { name: 'Texte de la note' }).fill('Les versions changent sans prévenir les équipes.');
  await dialog.getByRole('combobox', { name: "Rôle de l'auteur·rice" }).selectOption('dsi');
  await dialog.getByRole('combobox', { name: 'Type de note' }).selectOption('difficulte');
  await dialog.getByRole('combobox', { name: 'Attachée à' }).selectOption({ label: 'Éditeur du logiciel' });
  await dialog.getByRole('button', { name: 'Ajouter la note' }).click();
  const note = page.getByRole('group', { name: /^Note difficulté \(DSI\) sur Éditeur du logiciel : Les versions changent/ });
  await expect(note).toBeVisible();
  await expect(note.locator('.note-node')).toHaveCSS('border-top-color', 'rgb(29, 78, 216)');
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Acteurs' })).toBeVisible();
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await expect(page.getByRole('group', { name: /^Note difficulté \(DSI\) sur Éditeur du logiciel/ })).toBeVisible();

  // One viewpoint at a time: hiding the DSI's notes hides it.
  await page.getByText('Notes : toutes').filter({ visible: true }).click();
  await page.getByRole('checkbox', { name: 'DSI' }).uncheck();
  await expect(page.getByRole('group', { name: /^Note difficulté \(DSI\)/ })).toHaveCount(0);
});

test('a relation from an actor to itself is refused with a French reason', async ({ page }) => {
  await openDuiActors(page);
  await page.getByRole('button', { name: 'Ajouter une relation' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvelle relation' });
  await dialog.getByRole('combobox', { name: 'De', exact: true }).selectOption({ label: 'ARS' });
  await dialog.getByRole('combobox', { name: 'Vers', exact: true }).selectOption({ label: 'ARS' });
  await dialog.getByRole('button', { name: 'Ajouter la relation' }).click();
  await expect(dialog.getByRole('alert')).toContainText('un acteur ne peut pas être en relation avec lui-même');
  await dialog.getByRole('combobox', { name: 'Vers', exact: true }).selectOption({ label: 'Groupement' });
  await dialog.getByRole('combobox', { name: 'Type de relation' }).selectOption('finance');
  await dialog.getByRole('button', { name: 'Ajouter la relation' }).click();
  await expect(dialog.getByRole('alert')).toContainText('existe déjà');
  await dialog.getByRole('combobox', { name: 'Type de relation' }).selectOption('accompagne');
  await dialog.getByRole('button', { name: 'Ajouter la relation' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Relation : ARS accompagne Groupement' })).toHaveCount(1);
});

test('an actor moved with the arrow keys keeps its place after a reload; ? opens the shortcuts', async ({ page }) => {
  await openDuiActors(page);
  const ars = page.getByRole('group', { name: /^Acteur : ARS/ });
  const before = await ars.evaluate((el) => getComputedStyle(el).transform);
  await ars.focus();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => ars.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
  const moved = await ars.evaluate((el) => getComputedStyle(el).transform);
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await expect(page.getByRole('group', { name: /^Acteur : ARS/ })).toHaveCSS('transform', moved);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Raccourcis clavier' })).toContainText('Annuler');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Raccourcis clavier' })).toHaveCount(0);
});

test('an actor dragged with the mouse holds the pointer on the way, is put back by one Ctrl+Z, and stays where it was dropped after a reload', async ({ page }) => {
  await openDuiActors(page);
  const ars = page.getByRole('group', { name: /^Acteur : ARS/ });
  const before = await ars.evaluate((el) => getComputedStyle(el).transform);
  const box = (await ars.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 60, { steps: 6 });
  // Chromium's mouse is pointer 1: the actor holds it until the drop.
  const holds = () => ars.evaluate((el) => el.hasPointerCapture(1));
  expect(await holds()).toBe(true);
  await page.mouse.up();
  expect(await holds()).toBe(false);
  const moved = await ars.evaluate((el) => getComputedStyle(el).transform);
  expect(moved).not.toBe(before);
  await page.keyboard.press('Control+z');
  await expect(ars).toHaveCSS('transform', before);
  await page.getByRole('button', { name: 'Rétablir' }).click();
  await expect(ars).toHaveCSS('transform', moved);
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: 'Acteurs' }).click();
  await expect(ars).toHaveCSS('transform', moved);
});

test('copy and paste an actor, delete it with Suppr, and undo', async ({ page }) => {
  await openDuiActors(page);
  await page.getByRole('group', { name: /^Acteur : ARS/ }).click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('group', { name: /^Acteur : / })).toHaveCount(12);
  await expect(page.getByRole('group', { name: /^Acteur : ARS/ })).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(page.getByRole('group', { name: /^Acteur : / })).toHaveCount(11);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('group', { name: /^Acteur : / })).toHaveCount(12);
});

test('Suppr on an actor who took part in steps says what will change first; the list view asks too', async ({ page }) => {
  await openDuiActors(page);
  const actors = page.getByRole('group', { name: /^Acteur : / });
  await page.getByRole('group', { name: /^Acteur : Référent·es DUI/ }).click();
  await page.keyboard.press('Delete');
  const ask = page.getByRole('alertdialog', { name: "Supprimer l'acteur « Référent·es DUI » ?" });
  await expect(ask).toContainText('Il sera retiré de 5 étapes. 3 relations disparaîtront. Le couloir « Référent·es DUI » restera, sans acteur.');
  await ask.getByRole('button', { name: 'Annuler' }).click();
  await expect(actors).toHaveCount(11);

  await page.getByRole('group', { name: /^Acteur : Référent·es DUI/ }).click();
  await page.keyboard.press('Delete');
  await page.getByRole('alertdialog').getByRole('button', { name: "Supprimer l'acteur" }).click();
  await expect(actors).toHaveCount(10);
  await expect(page.getByRole('group', { name: /^Acteur : Référent·es DUI/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(actors).toHaveCount(11);

  // In the list view, the CSE took part in no step but a lane stands for it: asked as well.
  await page.getByRole('button', { name: 'Vue liste' }).click();
  await page.getByRole('button', { name: 'Supprimer CSE' }).click();
  await expect(page.getByRole('alertdialog', { name: "Supprimer l'acteur « CSE » ?" })).toContainText('Le couloir « CSE / représentant·es du personnel » restera, sans acteur.');
});

test('the list view edits a relation’s kind and label, and the map follows', async ({ page }) => {
  await openDuiActors(page);
  await page.getByRole('button', { name: 'Vue liste' }).click();
  const which = 'de Éditeur du logiciel vers Référent·es DUI';
  await page.getByRole('combobox', { name: `Type de la relation ${which}` }).selectOption({ label: 'Accompagne' });
  const label = page.getByRole('textbox', { name: `Libellé de la relation ${which}` });
  await label.fill('Paramétrage sur site');
  await label.press('Enter');
  await page.getByRole('button', { name: 'Vue liste' }).click();
  await expect(page.getByRole('group', { name: 'Relation : Éditeur du logiciel accompagne Référent·es DUI (Paramétrage sur site)' })).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('group', { name: 'Relation : Éditeur du logiciel accompagne Référent·es DUI' })).toHaveCount(1);
});

test('the catalogue can be browsed whole, without knowing a name to type', async ({ page }) => {
  await openDuiActors(page);
  await page.getByRole('button', { name: 'Ajouter un acteur' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel acteur' });
  await expect(dialog.getByRole('list', { name: 'Acteurs du catalogue' })).toHaveCount(0);
  await dialog.getByRole('button', { name: /^Parcourir le catalogue \(\d+ acteurs\)$/ }).click();
  const entries = dialog.getByRole('list', { name: 'Acteurs du catalogue' }).getByRole('button');
  expect(await entries.count()).toBeGreaterThan(12);
  await entries.filter({ hasText: 'CNSA' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Nom', exact: true })).toHaveValue('CNSA');
  await expect(dialog.getByRole('list', { name: 'Acteurs du catalogue' })).toHaveCount(0);
});

test('routed relations: no line through an actor or a note, every label on its own, reciprocal relations apart', async ({ page }) => {
  await openDuiActors(page);
  // Routed: the relations are polylines (with rounded corners), not the straight lines drawn before routing.
  await expect.poll(() => page.locator('.session-page .react-flow__edge-floating .react-flow__edge-path').evaluateAll((ps) => ps.filter((p) => /Q/.test(p.getAttribute('d') ?? '')).length)).toBeGreaterThan(3);
  const seen = await crossingsOnScreen(page, '.react-flow__edge-floating');
  expect(seen.labels).toBe(9);
  expect(seen.lines).toEqual([]);
  expect(seen.overlaps).toEqual([]);
  // Référent·es forment les professionnel·les, who send their adjustments back: two lines, each with its label.
  await expect(page.locator('.session-page .react-flow__edge-textwrapper').filter({ hasText: /^Forme$/ })).toHaveCount(2);
  await expect(page.locator('.session-page .react-flow__edge-textwrapper').filter({ hasText: /^Remonte à/ })).toBeVisible();
});
