/** Reading the shared format examples (../shared/format/examples) from tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED_DIR = join(process.cwd(), '..', 'shared');
export const examplePath = (name: string) => join(SHARED_DIR, 'format', 'examples', name);
export const exampleText = (name: string) => readFileSync(examplePath(name), 'utf8');
