/**
 * The floors of src/ (eslint.config.js): the lint rule fires on an upward import at any depth,
 * static, type-only, re-exported or dynamic, and stays quiet on an import of a floor below.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The floor rules that fire on `code` written in the file `filePath`. */
async function floorErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || (m.ruleId === 'no-restricted-syntax' && m.message.includes('may import only')))
    .map((m) => m.message);
}

/** [file, import] pairs that must be refused. */
const BAD: [string, string][] = [
  // The domain: nothing but itself and zod, at any depth.
  ['src/domain/x.ts', "import { getDb } from '../storage/db';"],
  ['src/domain/format/x.ts', "import { getDb } from '../../storage/db';"],
  ['src/domain/a/b/c.ts', "import { useViewStore } from '../../../state/viewStore';"],
  ['src/domain/x.ts', "import type { Visual } from '../i18n/visuals';"],
  ['src/domain/layout/x.ts', "import { STEP_KIND_LABELS } from '../../i18n/labels';"],
  ['src/domain/x.ts', "export * from '../render/conductSvg';"],
  ['src/domain/x.ts', "import { Modal } from '../ui/Modal';"],
  ['src/domain/x.ts', "import '../canvas';"],
  ['src/domain/commands/x.ts', "export const load = () => import('../../features/sessions/HomePage');"],
  ['src/domain/x.ts', "import { useState } from 'react';"],
  ['src/domain/x.ts', "import Dexie from 'dexie';"],
  ['src/domain/x.ts', "import { create } from 'zustand';"],
  ['src/domain/x.ts', "import { ReactFlow } from '@xyflow/react';"],
  ['src/domain/x.ts', "import { App } from '../App';"],
  // Storage: the domain only.
  ['src/storage/x.ts', "import { useViewStore } from '../state/viewStore';"],
  ['src/storage/sub/x.ts', "import { STEP_KIND_LABELS } from '../../i18n/labels';"],
  ['src/storage/x.ts', "import { useState } from 'react';"],
  // State: storage and domain.
  ['src/state/x.ts', "import { LaneLayer } from '../canvas/conduct/LaneLayer';"],
  ['src/state/x.ts', "import { STEP_KIND_LABELS } from '../i18n/labels';"],
  ['src/state/x.ts', "import { Modal } from '../ui/Modal';"],
  ['src/state/deep/er/x.ts', "import { HomePage } from '../../../features/sessions/HomePage';"],
  ['src/state/x.ts', "import { ReactFlow } from '@xyflow/react';"],
  // i18n: the domain only.
  ['src/i18n/x.ts', "import { useViewStore } from '../state/viewStore';"],
  ['src/i18n/x.ts', "import { Modal } from '../ui/Modal';"],
  ['src/i18n/x.ts', "import { useState } from 'react';"],
  // ui: i18n and domain.
  ['src/ui/x.tsx', "import { useViewStore } from '../state/viewStore';"],
  ['src/ui/x.ts', "import { isDatabaseOutdated } from '../storage/db';"],
  ['src/ui/x.tsx', "import { ActorCanvas } from '../canvas/actors/ActorCanvas';"],
  ['src/ui/x.tsx', "import { SessionPage } from '../features/sessions/SessionPage';"],
  // render: domain and i18n.
  ['src/render/x.ts', "import { LaneLayer } from '../canvas/conduct/LaneLayer';"],
  ['src/render/x.ts', "import { useDocumentStore } from '../state/documentStore';"],
  ['src/render/x.ts', "import { useState } from 'react';"],
  // canvas: state, domain, i18n, ui; never features.
  ['src/canvas/x.tsx', "import { Outline } from '../features/actor-map/Outline';"],
  ['src/canvas/conduct/x.tsx', "import { ConductMapView } from '../../features/conduct-map/ConductMapView';"],
  ['src/canvas/conduct/x.tsx', "import type { ActionScope } from '../../features/conduct-map/actions';"],
  ['src/canvas/conduct/x.tsx', "const later = () => import('../../features/conduct-map/ConductMapView');"],
  ['src/canvas/actors/x.ts', "import { getDb } from '../../storage/db';"],
  ['src/canvas/x.ts', "import Dexie from 'dexie';"],
  // Features: everything below but storage (the data goes through state), not the app.
  ['src/features/sessions/x.tsx', "import { App } from '../../App';"],
  ['src/features/export/x.ts', "import { getDb } from '../../storage/db';"],
  ['src/features/sessions/deep/x.ts', "import type { SessionSummary } from '../../../storage/repository';"],
];

/** [file, import] pairs that must pass. */
const GOOD: [string, string][] = [
  ['src/domain/x.ts', "import type { Session } from './types';"],
  ['src/domain/format/x.ts', "import { z } from 'zod';"],
  ['src/domain/layout/x.ts', "import type { Step } from '../types';"],
  ['src/storage/x.ts', "import type { Session } from '../domain/types';"],
  ['src/storage/x.ts', "import Dexie from 'dexie';"],
  ['src/state/x.ts', "import { getDb } from '../storage/db';"],
  ['src/state/x.ts', "import { create } from 'zustand';"],
  ['src/i18n/x.ts', "import type { StepKind } from '../domain/enums';"],
  ['src/ui/x.tsx', "import { STEP_KIND_LABELS } from '../i18n/labels';"],
  ['src/ui/x.tsx', "import { useState } from 'react';"],
  ['src/render/x.ts', "import { STEP_KIND_LABELS } from '../i18n/labels';"],
  ['src/render/x.ts', "import { layoutConductMap } from '../domain/layout/conduct';"],
  ['src/canvas/conduct/x.tsx', "import { useViewStore } from '../../state/viewStore';"],
  ['src/canvas/conduct/x.tsx', "import { Modal } from '../../ui/Modal';"],
  ['src/canvas/conduct/x.tsx', "import { ReactFlow } from '@xyflow/react';"],
  ['src/features/export/x.ts', "import { renderConductSvg } from '../../render/conductSvg';"],
  ['src/features/export/x.ts', "import { loadSessionForExport } from '../../state/sessionsLibrary';"],
  ['src/features/export/x.ts', "import { LaneLayer } from '../../canvas/conduct/LaneLayer';"],
  ['src/features/export/x.ts', "import { Outline } from '../actor-map/Outline';"],
  ['src/features/export/x.ts', "const pptx = () => import('./pptx');"],
  ['src/App.tsx', "import { HomePage } from './features/sessions/HomePage';"],
  ['src/main.tsx', "import { App } from './App';"],
];

describe('the floors of src/', () => {
  // The first lint loads the config, its plugins and the parser: seconds on a busy machine.
  beforeAll(() => eslint.lintText('', { filePath: 'src/domain/x.ts' }), 60_000);

  it.each(BAD)('%s may not %s', async (filePath, code) => {
    const errors = await floorErrors(filePath, code);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/may import only/);
  });

  it.each(GOOD)('%s may %s', async (filePath, code) => {
    expect(await floorErrors(filePath, code)).toEqual([]);
  });
});
