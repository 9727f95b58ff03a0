/** Reading the format's example files (docs/format/examples) from tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FORMAT_DIR = join(process.cwd(), 'docs', 'format');
export const examplePath = (name: string) => join(FORMAT_DIR, 'examples', name);
export const exampleText = (name: string) => readFileSync(examplePath(name), 'utf8');
