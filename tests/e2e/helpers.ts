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
