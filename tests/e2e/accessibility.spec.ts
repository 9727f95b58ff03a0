import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { examplePath, importFile } from './helpers';

async function serious(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens each view in turn and lists what axe finds serious there, named after the view. */
async function seriousOnEachView(page: Page, views: [string, () => Promise<unknown>][]) {
  const found: string[] = [];
  for (const [name, open] of views) {
    await open();
    await page.waitForTimeout(150);
    for (const v of await serious(page)) found.push(`${name} — ${v}`);
  }
  return found;
}

const press = async (page: Page, ...keys: string[]) => {
  for (const k of keys) await page.keyboard.press(k);
};

test('a whole workshop by keyboard: five steps, two actors, one relation, and a PNG, with no mouse event', async ({ page }) => {
  let mouse = 0;
  await page.exposeFunction('countMouse', () => void mouse++);
  await page.addInitScript(() => {
    for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown']) {
      window.addEventListener(type, (e) => {
        if ((e as MouseEvent).detail > 0 || (e as PointerEvent).pointerType) (window as unknown as { countMouse: () => void }).countMouse();
      }, true);
    }
  });
  await page.goto('./');
  await page.getByRole('button', { name: 'Nouvel atelier' }).focus();
  await press(page, 'Enter');
  await page.keyboard.type('Atelier au clavier');
  await press(page, 'Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Atelier au clavier' })).toBeVisible();

  for (const lane of ['Direction', 'ARS', 'Groupement']) {
    await page.getByRole('button', { name: 'Ajouter un couloir' }).focus();
    await press(page, 'Enter');
    await page.keyboard.type(lane);
    await press(page, 'Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await page.getByRole('button', { name: 'Ajouter une étape' }).focus();
  await press(page, 'Enter');
  const steps = [
    ["Demande d'un projet de DUI", '2018'],
    ['Financement par appel à projets ARS', '2018'],
    ["Constitution d'un groupe de travail", ''],
    ['Nomination des référent·es DUI', ''],
    ['Choix du logiciel', ''],
  ];
  for (const [title, date] of steps) {
    await page.keyboard.type(title!);
    await press(page, 'Tab');
    if (date) await page.keyboard.type(date);
    await press(page, 'Shift+Tab', 'Enter');
    await expect(page.getByRole('list', { name: 'Déroulé chronologique' })).toContainText(title!);
  }
  await press(page, 'Escape');

  await page.getByRole('tab', { name: 'Conduite de projet' }).focus();
  await press(page, 'ArrowRight');
  await expect(page.getByRole('tab', { name: 'Acteurs' })).toHaveAttribute('aria-selected', 'true');
  for (const query of ['ARS', 'Groupement']) {
    await page.getByRole('button', { name: 'Ajouter un acteur' }).focus();
    await press(page, 'Enter');
    await page.keyboard.type(query);
    await press(page, 'Tab', 'Enter'); // the first entry of the catalogue fills the name and the category
    await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Nom', exact: true })).toBeFocused();
    await press(page, 'Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await press(page, 'Escape', 'r');
  const dialog = page.getByRole('dialog', { name: 'Nouvelle relation' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Type de relation' }).focus();
  await page.keyboard.type('Fin');
  await dialog.getByRole('button', { name: 'Ajouter la relation' }).focus();
  await press(page, 'Enter');
  await expect(page.getByRole('group', { name: /^Acteur : / })).toHaveCount(2);
  await expect(page.getByRole('group', { name: 'Relation : ARS finance Groupement' })).toHaveCount(1);

  await page.getByRole('tab', { name: 'Acteurs' }).focus();
  await press(page, 'ArrowLeft');
  await expect(page.getByRole('group', { name: /^Étape 5 : Choix du logiciel/ })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter' }).focus();
  await press(page, 'Enter', 'Enter'); // the menu opens on « Image PNG »
  expect((await downloading).suggestedFilename()).toBe('Atelier au clavier - conduite de projet.png');
  expect(mouse).toBe(0);
});

test('axe finds nothing serious on any view, dialogs and outlines included', async ({ page }) => {
  // Seventeen views, each analysed by axe: more than the default minute on a two-core machine.
  test.slow();
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(page.getByRole('group', { name: /^Étape 11 / })).toBeVisible();
  const views: [string, () => Promise<unknown>][] = [
    ['conduct map', async () => undefined],
    ['step editor', () => page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button').first().click()],
    ['conduct outline', () => page.getByRole('button', { name: 'Vue liste' }).click()],
    ['shortcuts', () => page.keyboard.press('?')],
    ['export menu', async () => { await page.keyboard.press('Escape'); await page.getByRole('button', { name: 'Exporter' }).click(); }],
    ['actor map', async () => { await page.keyboard.press('Escape'); await page.getByRole('tab', { name: 'Acteurs' }).click(); }],
    ['new actor dialog', () => page.getByRole('button', { name: 'Ajouter un acteur' }).click()],
    ['actor outline', async () => { await page.keyboard.press('Escape'); await page.getByRole('button', { name: 'Vue liste' }).click(); }],
    ['synthesis', () => page.getByRole('tab', { name: 'Synthèse' }).click()],
    ['presentation', async () => { await page.getByRole('tab', { name: 'Conduite de projet' }).click(); await page.getByRole('button', { name: 'Présentation' }).click(); }],
    ['new lane dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Ajouter un couloir' }).click();
      await expect(page.getByRole('dialog', { name: 'Nouveau couloir' })).toBeVisible();
    }],
    ['new note dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Ajouter une note' }).click();
      await expect(page.getByRole('dialog', { name: 'Nouvelle note' })).toBeVisible();
    }],
    ['lanes panel and lane deletion', async () => {
      await page.keyboard.press('Escape');
      await page.getByText('Couloirs (9)').click();
      await page.getByRole('button', { name: 'Supprimer le couloir DSI' }).click();
      await expect(page.getByRole('alertdialog', { name: 'Supprimer le couloir « DSI » ?' })).toBeVisible();
    }],
    ['link dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('group', { name: /^Étape 3 :/ }).focus();
      await page.keyboard.press('Space');
      await page.getByRole('group', { name: /^Étape 3 :/ }).focus();
      await page.keyboard.press('l');
      await expect(page.getByRole('dialog', { name: "Nouveau lien depuis l'étape 3" })).toBeVisible();
    }],
    ['print dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Exporter' }).click();
      await page.getByRole('menuitem', { name: 'Imprimer / PDF' }).click();
      await expect(page.getByRole('dialog', { name: 'Imprimer / PDF' })).toBeVisible();
    }],
    ['actor deletion confirmation', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: 'Acteurs' }).click();
      await page.getByRole('button', { name: 'Vue liste' }).click();
      await page.getByRole('button', { name: 'Supprimer Référent·es DUI' }).click();
      await expect(page.getByRole('alertdialog', { name: "Supprimer l'acteur « Référent·es DUI » ?" })).toBeVisible();
    }],
    ['relation dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Ajouter une relation' }).click();
      await expect(page.getByRole('dialog', { name: 'Nouvelle relation' })).toBeVisible();
    }],
  ];
  expect(await seriousOnEachView(page, views)).toEqual([]);
});

test('axe finds nothing serious in the home page dialogs: delete, import conflict, export, comparison, storage', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await importFile(page, examplePath('minimal.json'));
  await expect(page.getByRole('list', { name: 'Ateliers' }).getByRole('link')).toHaveCount(2);
  const dui = /DUI du groupement/;
  const views: [string, () => Promise<unknown>][] = [
    ['session actions menu', () => page.getByRole('button', { name: /^Actions pour DUI du groupement/ }).click()],
    ['delete confirmation', async () => {
      await page.getByRole('menuitem', { name: 'Supprimer' }).click();
      await expect(page.getByRole('alertdialog', { name: /^Supprimer « DUI du groupement/ })).toBeVisible();
    }],
    ['export dialog', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Actions pour DUI du groupement/ }).click();
      await page.getByRole('menuitem', { name: 'Exporter' }).click();
      await expect(page.getByRole('dialog', { name: /^Exporter « DUI du groupement/ })).toBeVisible();
    }],
    ['import conflict', async () => {
      await page.keyboard.press('Escape');
      await importFile(page, examplePath('dui-groupement.json'));
      await expect(page.getByRole('dialog', { name: 'Cet atelier existe déjà' }).or(page.getByRole('alertdialog', { name: 'Cet atelier existe déjà' }))).toBeVisible();
    }],
    ['comparison', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Comparer' }).click();
      for (const box of await page.getByRole('dialog').getByRole('checkbox').all()) await box.check();
      await expect(page.getByRole('table', { name: /Indicateurs de la synthèse/ })).toBeVisible();
    }],
    ['storage panel', async () => {
      await page.keyboard.press('Escape');
      await page.getByText('Stockage', { exact: true }).click();
      await expect(page.getByText(/Stockage (non )?persistant/)).toBeVisible();
    }],
  ];
  expect(await seriousOnEachView(page, views)).toEqual([]);
  await expect(page.getByRole('link', { name: dui }).first()).toBeVisible();
});

test('the outline is the same data as the canvas: a row typed there is a step on the map', async ({ page }) => {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await page.getByRole('button', { name: 'Vue liste' }).click();
  const table = page.getByRole('table', { name: 'Étapes de la conduite de projet' });
  await expect(table.getByRole('row')).toHaveCount(13);
  await page.getByRole('textbox', { name: "Titre de l'étape 5" }).fill('Choix du logiciel DUI');
  await page.getByRole('textbox', { name: "Titre de l'étape 5" }).press('Enter');
  await page.getByRole('textbox', { name: "Date de l'étape 5" }).fill('2019-13');
  await page.getByRole('textbox', { name: "Date de l'étape 5" }).press('Enter');
  await expect(table.getByRole('alert')).toContainText('Date invalide');
  await page.getByRole('textbox', { name: "Date de l'étape 5" }).fill('2019');
  await page.getByRole('textbox', { name: "Date de l'étape 5" }).press('Enter');
  await page.getByRole('textbox', { name: 'Titre de la nouvelle étape' }).fill('Bilan avec le CSE');
  await page.getByRole('textbox', { name: 'Date de la nouvelle étape' }).fill('2022-06');
  await page.getByRole('combobox', { name: 'Couloir de la nouvelle étape' }).selectOption({ label: 'CSE / représentant·es du personnel' });
  await page.getByRole('button', { name: "Ajouter l'étape" }).click();
  await expect(table.getByRole('row')).toHaveCount(14);
  await page.getByRole('button', { name: 'Vue liste' }).click();
  await expect(page.getByRole('group', { name: /^Étape 5 : Choix du logiciel DUI, date : 2019/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /^Étape 13 : Bilan avec le CSE, date : juin 2022, couloir CSE/ })).toBeVisible();
});

test.describe('at 200 % zoom (a 1280 × 900 screen zoomed to 200 %), with reduced motion', () => {
  test.use({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, reducedMotion: 'reduce' });

  test('no view scrolls sideways, the map keeps the width of the window, and a step is still added by keyboard', async ({ page }) => {
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto('./');
    expect(await sideways()).toBe(0);
    await importFile(page, examplePath('dui-groupement.json'));
    await page.getByRole('link', { name: /DUI du groupement/ }).click();
    const map = page.getByRole('region', { name: 'Cartographie de la conduite de projet' });
    await expect(map.getByRole('group', { name: /^Étape 11 :/ })).toBeAttached();
    const box = (await map.boundingBox())!;
    expect(box.width).toBe(640);
    expect(box.height).toBeGreaterThanOrEqual(320);
    expect(await sideways()).toBe(0);

    await page.getByRole('button', { name: 'Ajouter une étape' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bilan avec le CSE');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('listitem')).toHaveCount(13);
    await expect(map.getByRole('group', { name: /^Étape 13 : Bilan avec le CSE/ })).toBeAttached();

    for (const tab of ['Acteurs', 'Synthèse']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      expect(await sideways()).toBe(0);
    }
  });
});
