import { expect, test, type Page } from '@playwright/test';
import { createSession, crossingsOnScreen, examplePath, importFile } from './helpers';

const chronology = (page: Page) => page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('listitem');
const stepNode = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^Étape ${n} : `) });

async function openDui(page: Page) {
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(stepNode(page, 11)).toBeVisible();
}

test('zoomed far out, each step is drawn as its number on its colour; zooming back in shows its title again', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  // What is seen on the node (its inner text; the label that names it is not shown).
  await expect(stepNode(page, 3)).toContainText("Constitution d'un groupe de travail", { useInnerText: true });
  const zoomOut = page.getByRole('button', { name: 'Zoom arrière' });
  for (let i = 0; i < 4; i++) await zoomOut.click();
  await expect(stepNode(page, 3)).not.toContainText("Constitution d'un groupe de travail", { useInnerText: true });
  await expect(stepNode(page, 3)).toHaveText('3', { useInnerText: true });
  // What a screen reader hears does not depend on the zoom.
  await expect(stepNode(page, 3)).toHaveAccessibleName(/^Étape 3 : Constitution d'un groupe de travail, non datée/);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom avant' }).click();
  await expect(stepNode(page, 3)).toContainText("Constitution d'un groupe de travail", { useInnerText: true });
});

test('the DUI example reads like the report: eleven numbered steps and a workaround in their lanes, the chronology, the legend', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  await expect(chronology(page)).toHaveCount(12);
  await expect(chronology(page).nth(2)).toHaveText(/^3\.\W*Constitution d'un groupe de travail/);
  await expect(stepNode(page, 3)).toHaveAccessibleName(/^Étape 3 : Constitution d'un groupe de travail, non datée, couloir Groupement/);
  // A screen reader hears who took part, not only what a sighted user sees on the node.
  await expect(stepNode(page, 3)).toHaveAccessibleName(
    /participants : Groupement \(pilote\), Groupe de travail DUI \(contribue\), DSI du groupement \(contribue\), Directrice d'établissement \(contribue\)$/,
  );
  // Near enough to read every detail (a step chosen in the chronology is brought near), a step shows its date.
  await chronology(page).nth(9).getByRole('button').click();
  await expect(stepNode(page, 10)).toContainText('Avril 2022', { useInnerText: true });
  const legend = page.getByRole('region', { name: 'Légende' });
  await expect(legend).toContainText('Financement');
  await expect(legend).toContainText("Documents attestant l'étape");
  await expect(legend).not.toContainText('Dialogue social');
  // The link from step 9 to step 10 is drawn.
  await expect(page.getByRole('group', { name: "Lien de l'étape 9 à l'étape 10 : Révèle le besoin de formation" })).toHaveCount(1);
  // Lanes are in the report's order; step 2 sits left of step 9 on the time axis.
  const box2 = await stepNode(page, 2).boundingBox();
  const box9 = await stepNode(page, 9).boundingBox();
  expect(box2 && box9 && box2.x < box9.x).toBe(true);
  await page.screenshot({ path: 'test-results/dui-conduct-map.png' });
});

test('the arrow keys walk the map: ← → follow the chronology, ↑ ↓ go to the next lane that holds steps, Entrée edits', async ({ page }) => {
  await openDui(page);
  await stepNode(page, 3).focus();
  await page.keyboard.press('ArrowRight');
  await expect(stepNode(page, 4)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(stepNode(page, 2)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  // Below the Groupement lane, the DSI lane is empty: ↓ goes on to step 5 (Groupe de travail DUI).
  await page.keyboard.press('ArrowDown');
  await expect(stepNode(page, 5)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(stepNode(page, 1)).toBeFocused();
  // The arrows moved the focus, not the steps.
  await expect(stepNode(page, 3)).toHaveAccessibleName(/couloir Groupement/);
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Titre' })).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Titre' })).toHaveValue("Demande d'un projet de DUI");
});

test('a title saved with Entrée shows on its node, in its name and in the chronology; Ctrl+Z brings the old one back everywhere', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  await stepNode(page, 3).focus();
  await page.keyboard.press('Enter');
  const title = page.getByRole('textbox', { name: 'Titre' });
  await title.fill('Groupe de travail élargi');
  await title.press('Enter');
  await expect(stepNode(page, 3)).toContainText('Groupe de travail élargi', { useInnerText: true });
  await expect(stepNode(page, 3)).toHaveAccessibleName(/^Étape 3 : Groupe de travail élargi, non datée, couloir Groupement/);
  await expect(chronology(page).nth(2)).toHaveText(/^3\.\W*Groupe de travail élargi/);
  // Said to a screen reader once the step is saved.
  await expect(page.locator('.announcer')).toHaveText('Étape 3 enregistrée.');
  // The other steps are as they were.
  await expect(stepNode(page, 4)).toHaveAccessibleName(/^Étape 4 : /);
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(stepNode(page, 3)).toContainText("Constitution d'un groupe de travail", { useInnerText: true });
  await expect(stepNode(page, 3)).toHaveAccessibleName(/^Étape 3 : Constitution d'un groupe de travail/);
  await page.reload();
  await expect(stepNode(page, 3)).toContainText("Constitution d'un groupe de travail", { useInnerText: true });
});

test('the map opens whole: its lines are drawn with its steps and notes, where they stay', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  // Every frame, from the click: how many steps and lines the session's page draws, and each line's
  // path (the home page's map drawn ahead, out of sight, is not the session's).
  await page.evaluate(() => {
    const w = window as unknown as { frames_: { steps: number; lines: string[] }[] };
    w.frames_ = [];
    const tick = () => {
      w.frames_.push({
        steps: document.querySelectorAll('.session-page .react-flow__node-step').length,
        lines: [...document.querySelectorAll('.session-page .react-flow__edge-path')].map((p) => p.getAttribute('d') ?? ''),
      });
      if (w.frames_.length < 120) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(stepNode(page, 11)).toBeVisible();
  await page.waitForFunction(() => (window as unknown as { frames_: unknown[] }).frames_.length >= 120);
  const frames = await page.evaluate(() => (window as unknown as { frames_: { steps: number; lines: string[] }[] }).frames_);
  const first = frames.findIndex((f) => f.steps > 0);
  expect(first).toBeGreaterThanOrEqual(0);
  // One link and three notes attached to steps: four lines, in the first frame that shows the steps.
  expect(frames[first]!.steps).toBe(12);
  expect(frames[first]!.lines).toHaveLength(4);
  // No line wanders once React Flow has measured the nodes (measuring divides by the zoom: 0.001
  // px apart): a line is drawn where it stays, or drawn first as before routing (the map does not
  // wait for the router) and then on its route, once, where it stays.
  const points = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
  const same = (a: string, b: string) => points(a).length === points(b).length && points(a).every((v, k) => Math.abs(v - points(b)[k]!) < 0.5);
  frames[first]!.lines.forEach((_, i) => {
    const shapes: string[] = [];
    for (const frame of frames.slice(first)) if (!shapes.some((d) => same(d, frame.lines[i]!))) shapes.push(frame.lines[i]!);
    expect(shapes.length).toBeLessThanOrEqual(2);
    const last = frames.findIndex((f, k) => k >= first && same(f.lines[i]!, shapes.at(-1)!));
    for (const frame of frames.slice(last)) expect(same(frame.lines[i]!, shapes.at(-1)!)).toBe(true);
  });
  // The link is routed in the end: a polyline (straight segments, rounded corners), not a curve.
  await expect.poll(() => page.locator('.session-page .react-flow__edge-link .react-flow__edge-path').getAttribute('d')).toMatch(/^M[^C]*L[^C]*$/);
});

test('a step clicked in the chronology is brought to the middle of the map, readable; Tout afficher shows every step again', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  const canvas = page.getByRole('region', { name: 'Cartographie de la conduite de projet' });
  const centreOf = async (box: { x: number; y: number; width: number; height: number } | null) => ({ x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom arrière' }).click();
  await chronology(page).nth(10).getByRole('button').click();
  await expect(stepNode(page, 11)).toContainText('Ajustements', { useInnerText: true });
  await expect
    .poll(async () => {
      const step = await centreOf(await stepNode(page, 11).boundingBox());
      const map = await centreOf(await canvas.boundingBox());
      return Math.hypot(step.x - map.x, step.y - map.y);
    })
    .toBeLessThan(40);
  // The toolbar's button (the map's own controls have one of the same name, after it).
  await page.getByRole('button', { name: 'Tout afficher' }).first().click();
  await expect
    .poll(async () => {
      const map = (await canvas.boundingBox())!;
      const boxes = await Promise.all([1, 11].map((n) => stepNode(page, n).boundingBox()));
      return boxes.every((b) => b && b.x >= map.x && b.y >= map.y && b.x + b.width <= map.x + map.width && b.y + b.height <= map.y + map.height);
    })
    .toBe(true);
});

test('from one step to another far along the map, the view slides at the same zoom and the steps stay readable', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await openDui(page);
  const viewport = page.locator('.react-flow__viewport');
  const still = () =>
    expect
      .poll(async () => {
        const before = await viewport.getAttribute('style');
        await page.waitForTimeout(200);
        return (await viewport.getAttribute('style')) === before;
      })
      .toBe(true);
  await chronology(page).nth(0).getByRole('button').click();
  await still();
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom avant' }).click();
  await still();
  await expect(stepNode(page, 1)).toContainText('Demande d', { useInnerText: true });
  // Every frame of the slide to step 11: the map's scale, and whether step 1's title is drawn.
  const step1Id = await stepNode(page, 1).getAttribute('data-id');
  const frames = page.evaluate(
    (id) =>
      new Promise<{ scale: number; titled: boolean }[]>((done) => {
        const seen: { scale: number; titled: boolean }[] = [];
        const view = document.querySelector<HTMLElement>('.react-flow__viewport')!;
        const step1 = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)!;
        const start = performance.now();
        const tick = () => {
          seen.push({ scale: new DOMMatrix(getComputedStyle(view).transform).a, titled: step1.innerText.includes('Demande d') });
          if (performance.now() - start < 800) requestAnimationFrame(tick);
          else done(seen);
        };
        requestAnimationFrame(tick);
      }),
    step1Id,
  );
  await chronology(page).nth(10).getByRole('button').click();
  const seen = await frames;
  await expect(stepNode(page, 11)).toBeInViewport();
  expect(seen.length).toBeGreaterThan(5);
  expect(new Set(seen.map((f) => f.scale.toFixed(3))).size).toBe(1);
  expect(seen.every((f) => f.titled)).toBe(true);
});

test('Ctrl+Z undoes a change made in a drop-down list while the focus is still on it', async ({ page }) => {
  await openDui(page);
  const scale = page.getByRole('combobox', { name: 'Échelle' });
  await scale.focus();
  await page.keyboard.press('ArrowDown');
  await expect(scale).toHaveValue('trimestre');
  await expect(scale).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(scale).toHaveValue('annee');
  await page.keyboard.press('Control+y');
  await expect(scale).toHaveValue('trimestre');
});

test('Alt+↓ and Alt+↑ move a step in the chronology and the focus stays on it', async ({ page }) => {
  await openDui(page);
  const item = (title: string) => page.getByRole('list', { name: 'Déroulé chronologique' }).getByRole('button', { name: new RegExp(title) });
  await item("Constitution d'un groupe de travail").focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(chronology(page).nth(4)).toContainText("Constitution d'un groupe de travail");
  await expect(item("Constitution d'un groupe de travail")).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(chronology(page).nth(3)).toContainText("Constitution d'un groupe de travail");
  await expect(item("Constitution d'un groupe de travail")).toBeFocused();
});

test('rebuild the first five steps of the DUI example by keyboard only', async ({ page }) => {
  await page.goto('./');
  await createSession(page, 'DUI — reconstruction');

  const addLane = async (name: string) => {
    await page.getByRole('button', { name: 'Ajouter un couloir' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Nouveau couloir' })).toBeVisible();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Nouveau couloir' })).toHaveCount(0);
  };
  for (const lane of ['ARS (financeur)', "Direction d'établissement", 'Groupement', 'Référent·es DUI', 'Groupe de travail DUI']) await addLane(lane);

  await page.getByRole('button', { name: 'Ajouter une étape' }).focus();
  await page.keyboard.press('Enter');
  // `keys`: what a user types on the focused lane list to pick the lane (type-ahead).
  const steps: { title: string; date?: string; lane: string; keys: string }[] = [
    { title: "Demande d'un projet de DUI", date: '2018', lane: "Direction d'établissement", keys: 'Dir' },
    { title: 'Financement par appel à projets ARS', date: '2018', lane: 'ARS (financeur)', keys: 'ARS' },
    { title: "Constitution d'un groupe de travail", lane: 'Groupement', keys: 'Groupem' },
    { title: 'Nomination des référent·es DUI', lane: 'Référent·es DUI', keys: 'R' },
    { title: 'Choix du logiciel', lane: 'Groupe de travail DUI', keys: 'Groupe d' },
  ];
  for (const step of steps) {
    await expect(page.getByRole('textbox', { name: 'Titre' })).toBeFocused();
    await page.keyboard.type(step.title);
    await page.keyboard.press('Tab');
    await page.keyboard.type(step.date ?? '');
    await page.getByRole('combobox', { name: 'Couloir' }).focus();
    await page.keyboard.type(step.keys);
    await expect(page.getByRole('combobox', { name: 'Couloir' }).locator('option:checked')).toHaveText(step.lane);
    await page.getByRole('textbox', { name: 'Titre' }).focus();
    await page.keyboard.press('Enter');
    await expect(chronology(page).last()).toContainText(step.title);
  }
  await page.keyboard.press('Escape');

  await expect(chronology(page)).toHaveCount(5);
  for (const [i, step] of steps.entries()) {
    await expect(chronology(page).nth(i)).toHaveText(new RegExp(`^${i + 1}\\.\\W*${step.title.replace(/[()]/g, '\\$&')}`));
    await expect(stepNode(page, i + 1)).toHaveAccessibleName(new RegExp(`couloir ${step.lane.replace(/[()]/g, '\\$&')}`));
  }

  // Alt+↓ on the chronology moves step 1 after step 2: numbers follow.
  await chronology(page).nth(0).getByRole('button').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(chronology(page).nth(0)).toHaveText(/^1\.\W*Financement par appel à projets ARS/);
  await expect(chronology(page).nth(1)).toHaveText(/^2\.\W*Demande d'un projet de DUI/);
  await page.keyboard.press('Control+z');
  await expect(chronology(page).nth(0)).toHaveText(/^1\.\W*Demande d'un projet de DUI/);

  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.reload();
  await expect(chronology(page)).toHaveCount(5);
  await expect(chronology(page).nth(4)).toHaveText(/^5\.\W*Choix du logiciel/);
});

test('drag a step to another lane, undo it, reload', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  const node = stepNode(page, 1);
  await expect(node).toHaveAccessibleName(/couloir Direction d'établissement/);
  const from = (await node.boundingBox())!;
  const target = (await stepNode(page, 3).boundingBox())!; // lane Groupement, one lane below
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 5, target.y + target.height / 2, { steps: 8 });
  // The dragged step holds the pointer (Chromium's mouse is pointer 1): the browser does not look
  // for what is under it at each move. It lets it go at the drop.
  const holds = () => node.evaluate((n) => n.hasPointerCapture(1));
  expect(await holds()).toBe(true);
  await page.mouse.up();
  expect(await holds()).toBe(false);
  await expect(node).toHaveAccessibleName(/couloir Groupement/);
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();

  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(stepNode(page, 1)).toHaveAccessibleName(/couloir Direction d'établissement/);
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.getByRole('button', { name: 'Rétablir' }).click();
  await expect(stepNode(page, 1)).toHaveAccessibleName(/couloir Groupement/);
  await page.keyboard.press('Control+z');
  await expect(stepNode(page, 1)).toHaveAccessibleName(/couloir Direction d'établissement/);
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();

  await page.reload();
  await expect(stepNode(page, 1)).toHaveAccessibleName(/couloir Direction d'établissement/);
  await expect(chronology(page)).toHaveCount(12);
  await expect(chronology(page).nth(0)).toHaveText(/^1\.\W*Demande d'un projet de DUI/);
});

test('while a step is dragged the side panels stay as they were; once dropped, they show the dragged step', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  const editorHeading = page.locator('.step-editor h2');
  await stepNode(page, 2).click();
  await expect(editorHeading).toHaveText('Étape 2');
  await expect(chronology(page).nth(1).getByRole('button')).toHaveAttribute('aria-current', 'true');

  const from = (await stepNode(page, 1).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 40, from.y + from.height / 2 + 4, { steps: 4 });
  // The map shows the drag at once: step 1 is the one selected and moved.
  await expect(page.locator('.react-flow__node.dragging')).toHaveAttribute('data-id', await stepNode(page, 1).getAttribute('data-id') ?? '');
  await expect(stepNode(page, 1).locator('.step-node')).toHaveClass(/is-selected/);
  await page.waitForTimeout(200);
  await expect(editorHeading).toHaveText('Étape 2');
  await expect(chronology(page).nth(1).getByRole('button')).toHaveAttribute('aria-current', 'true');

  // Dropped where it was taken: nothing moves, and the panels follow the selection.
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect(editorHeading).toHaveText('Étape 1');
  await expect(chronology(page).nth(0).getByRole('button')).toHaveAttribute('aria-current', 'true');
  await expect(chronology(page).nth(1).getByRole('button')).not.toHaveAttribute('aria-current', 'true');
  await expect(stepNode(page, 1)).toHaveAccessibleName(/couloir Direction d'établissement/);
});

test('a bad date is refused in French and nothing is saved until it is valid', async ({ page }) => {
  await openDui(page);
  await page.getByRole('button', { name: 'Ajouter une étape' }).click();
  await page.getByRole('textbox', { name: 'Titre' }).fill('Consultation du CSE');
  await page.getByRole('textbox', { name: 'Date', exact: true }).fill('2022-13');
  await page.getByRole('button', { name: "Ajouter l'étape" }).click();
  await expect(page.getByText(/Date invalide/)).toBeVisible();
  await expect(chronology(page)).toHaveCount(12);
  await page.getByRole('textbox', { name: 'Date', exact: true }).fill('2022-05');
  await page.getByRole('textbox', { name: 'Date de fin' }).fill('2021');
  await page.getByRole('button', { name: "Ajouter l'étape" }).click();
  await expect(page.getByText(/date de fin .* est avant la date de début/i)).toBeVisible();
  await expect(chronology(page)).toHaveCount(12);
  await page.getByRole('textbox', { name: 'Date de fin' }).fill('');
  await page.getByRole('checkbox', { name: 'IRP consultées' }).check();
  await page.getByRole('button', { name: "Ajouter l'étape" }).click();
  await expect(chronology(page)).toHaveCount(13);
  await expect(chronology(page).nth(12)).toHaveText(/^13\.\W*Consultation du CSE — mai 2022/);
  await expect(page.getByRole('region', { name: 'Légende' })).toContainText('IRP consultées');
});

test('deleting a lane says how many steps it holds and moves them', async ({ page }) => {
  await openDui(page);
  await page.getByText('Couloirs (9)').click();
  await page.getByRole('button', { name: 'Supprimer le couloir Professionnel·les' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Supprimer le couloir « Professionnel·les » ?' });
  await expect(dialog).toContainText('Ce couloir contient 4 étapes.');
  await dialog.getByRole('combobox', { name: 'Couloir de destination' }).selectOption({ label: 'Référent·es DUI' });
  await dialog.getByRole('button', { name: 'Supprimer le couloir' }).click();
  await expect(page.getByText('Couloirs (8)')).toBeVisible();
  await expect(stepNode(page, 8)).toHaveAccessibleName(/couloir Référent·es DUI/);
  await page.keyboard.press('Control+z');
  await expect(page.getByText('Couloirs (9)')).toBeVisible();
  await expect(stepNode(page, 8)).toHaveAccessibleName(/couloir Professionnel·les/);
});

test('copy two linked steps and paste them into another session; Suppr deletes, Ctrl+Z brings back', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  await stepNode(page, 9).click();
  await stepNode(page, 10).click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+c');
  await expect(page.getByText('2 étapes copiées.')).toBeVisible();

  await page.getByRole('link', { name: 'Tous les ateliers' }).click();
  await createSession(page, 'Autre établissement');
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Control+v');
  await expect(chronology(page)).toHaveCount(2);
  await expect(chronology(page).nth(0)).toHaveText(/^1\.\W*Réorganisation des services/);
  await expect(page.getByRole('group', { name: "Lien de l'étape 1 à l'étape 2 : Révèle le besoin de formation" })).toHaveCount(1);
  await expect(stepNode(page, 2)).toHaveAccessibleName(/couloir Professionnel·les/);

  await page.keyboard.press('Escape'); // the pasted steps were selected
  await stepNode(page, 1).click();
  await page.keyboard.press('Delete');
  await expect(chronology(page)).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(chronology(page)).toHaveCount(2);
});

test('a lane stands for an actor, chosen and changed in the lanes panel, and kept after a reload', async ({ page }) => {
  await openDui(page);
  await page.getByText('Couloirs (9)').click();
  const actorOf = page.getByRole('combobox', { name: 'Acteur représenté par le couloir CSE / représentant·es du personnel' });
  await expect(actorOf.locator('option:checked')).toHaveText('CSE');
  await actorOf.selectOption({ label: 'Aucun acteur' });
  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(actorOf.locator('option:checked')).toHaveText('CSE');
  await actorOf.selectOption({ label: 'Référent·es DUI' });
  await expect(page.getByRole('status').filter({ hasText: 'Enregistré' })).toBeVisible();
  await page.reload();
  await page.getByText('Couloirs (9)').click();
  await expect(actorOf.locator('option:checked')).toHaveText('Référent·es DUI');
});

test('the mini-map draws every step and note in its colour and frames the part in view; dragging in it moves the map', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  const miniMap = page.getByRole('img', { name: 'Mini-carte' });
  await expect(miniMap).toBeVisible();
  const rects = miniMap.locator('rect');
  const drawn = await page.locator('.react-flow__node').count();
  await expect(rects).toHaveCount(drawn);
  // Each step's rectangle in its kind's colour, as on the map.
  const colours = await rects.evaluateAll((all) => all.map((r) => getComputedStyle(r).fill));
  const stepColours = await page.locator('.step-node').evaluateAll((all) =>
    all.map((el) => {
      const probe = document.createElement('span');
      probe.style.color = getComputedStyle(el).getPropertyValue('--kind-color');
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color;
      probe.remove();
      return rgb;
    }),
  );
  expect(stepColours).toHaveLength(12);
  for (const colour of stepColours) expect(colours).toContain(colour);

  // Zoomed in, the frame of the view is smaller than the drawing; dragging it moves the map.
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom avant' }).click();
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.getAttribute('style');
  const box = (await miniMap.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 10, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
});

test('behind the steps, the map draws its lanes with their labels and the years of its axis, and they move with it', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await openDui(page);
  const viewport = page.locator('.session-page .react-flow__viewport');
  await expect(viewport.locator('.lane-label')).toHaveText([
    'ARS (financeur)', "Direction d'établissement", 'Groupement', 'DSI', 'Groupe de travail DUI', 'Référent·es DUI',
    'Éditeur du logiciel', 'Professionnel·les', 'CSE / représentant·es du personnel',
  ]);
  await expect(viewport.locator('.axis-tick').first()).toHaveText('2018');
  // Step 3 sits in its lane's band (Groupement), on screen.
  const band = (await viewport.locator('.lane-band').nth(2).boundingBox())!;
  const step = (await stepNode(page, 3).boundingBox())!;
  expect(step.y).toBeGreaterThanOrEqual(band.y);
  expect(step.y + step.height).toBeLessThanOrEqual(band.y + band.height);
  // Panned with the mouse, the band moves as much as the step.
  // Taken on the map's background (the lanes let the mouse through to it), off every step and control.
  const from = await page.evaluate(() => {
    const box = document.querySelector('.session-page .react-flow')!.getBoundingClientRect();
    for (let y = box.y + box.height - 20; y > box.y + 40; y -= 10) {
      for (let x = box.x + box.width / 2; x < box.x + box.width - 40; x += 20) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  expect(from).not.toBeNull();
  await page.mouse.move(from!.x, from!.y);
  await page.mouse.down();
  await page.mouse.move(from!.x - 100, from!.y - 60, { steps: 5 });
  await page.mouse.up();
  const bandAfter = (await viewport.locator('.lane-band').nth(2).boundingBox())!;
  const stepAfter = (await stepNode(page, 3).boundingBox())!;
  expect(bandAfter.y - band.y).toBeCloseTo(stepAfter.y - step.y, 0);
  expect(Math.abs(bandAfter.y - band.y)).toBeGreaterThan(20);
});

test('the link from step 9 to step 10 goes around step 8 and the missing steps, its label on no box', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto('./');
  await importFile(page, examplePath('dui-groupement.json'));
  await page.getByRole('link', { name: /DUI du groupement/ }).click();
  await expect(stepNode(page, 11)).toBeVisible();
  // The missing steps are shown (the default): they are boxes the link goes around too.
  await expect(page.getByRole('group', { name: /^Étape manquante/ }).first()).toBeVisible();
  await expect.poll(() => page.locator('.session-page .react-flow__edge-link .react-flow__edge-path').getAttribute('d')).toMatch(/^M[^C]*L[^C]*$/);
  const seen = await crossingsOnScreen(page, '.react-flow__edge-link');
  expect(seen.lines).toEqual([]);
  expect(seen.overlaps).toEqual([]);
  await expect(page.locator('.session-page .react-flow__edge-textwrapper').filter({ hasText: 'Révèle le besoin de formation' })).toBeVisible();
});
