/**
 * The benchmark: our app against bare React Flow and a raw Dexie put, in the same run, on
 * generated sessions of 20, 200 and 1000 steps. Prints one table and writes bench/results.json.
 * Each budget is judged in the table; the run fails (after the table) when one is not held, unless
 * BENCH_REPORT_ONLY=1. The method: bench/README.md.
 * Each size begins on a quiet machine; a run of openings during which other programs took more than
 * a tenth of a processor is redone once, and marked `*` in the table if it was disturbed again.
 * BENCH_QUICK=1: 20 and 200 steps, one run each, budgets reported only (what CI runs, so the bench
 * cannot rot). BENCH_SIZES=1000 (comma-separated): only these sizes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { layoutConductMap } from '../src/domain/layout/conduct';
import { serializeSessionFile } from '../src/domain/format/file';
import type { Session } from '../src/domain/types';
import { generateSession } from './generate';
import { filterNotes } from '../src/domain/commands/notes';
import { buildNoteEdges, buildNoteNodes } from '../src/canvas/actors/notes';
import { ACTOR_NODE } from '../src/canvas/actors/adapter';
import { FIT_VIEW } from '../src/canvas/zoom';
import { conductQuestion, measureRoutingInWorker, routingWorkerAsset } from './routing';

const QUICK = process.env.BENCH_QUICK === '1';
/** Budgets are judged and printed, but a failed one does not fail the run (CI's quick run: one run on a shared machine). */
const REPORT_ONLY = QUICK || process.env.BENCH_REPORT_ONLY === '1';
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : QUICK ? [20, 200] : [20, 200, 1000];
// Every timing is the median of RUNS runs: the exports' times, and each run's p50 and p95 of the
// edits and of a drag's frames.
const RUNS = QUICK ? 1 : 5;
// Openings are short and the machine noisy (one page's openings range over ±30 % within a run):
// their median is taken over 15 runs of each page, interleaved.
const OPEN_RUNS = QUICK ? 1 : 15;
// 40 edits a run: a p95 over 20 is the second-worst of them, which one stray frame decides.
const EDITS = QUICK ? 3 : 40;

interface Row {
  measure: string; size: number | string; ours: number; baseline: number | null; ratio: number | null; budget: string; pass: boolean | null; unit: string;
  /** Each run's figure, whose median is `ours` / `baseline` (in bench/results.json only). */
  runs?: { ours: number[]; baseline?: number[] };
  /** Openings: the share of a processor that other work took meanwhile (in bench/results.json only). */
  others?: number;
}
const rows: Row[] = [];
const began = Date.now();
/** Says what the bench measures now (a full run takes a quarter of an hour). */
const progress = (what: string) => console.log(`[${Math.round((Date.now() - began) / 1000)} s] ${what}`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};

/** Waits (inside the page) until `count` nodes of `selector` are in the DOM and none is hidden. */
const untilNodes = (selector: string, count: number) => `new Promise((resolve) => {
  const tick = () => {
    const nodes = document.querySelectorAll(${JSON.stringify(selector)});
    if (nodes.length >= ${count} && !document.querySelector('.react-flow__node[style*="visibility: hidden"]')) requestAnimationFrame(() => resolve());
    else requestAnimationFrame(tick);
  };
  tick();
})`;

/**
 * The processors' times so far, in clock ticks (1/100 s), from the first line of /proc/stat:
 * user, nice, system, idle, iowait, irq, softirq, steal… Linux only: throws elsewhere.
 */
const procStatTicks = () => readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);

/** The processors' idle time and total time so far (Linux); null elsewhere. */
function cpuTimes(): { idle: number; total: number } | null {
  try {
    const ticks = procStatTicks();
    return { idle: ticks[3]!, total: ticks.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}

/**
 * Waits, 30 s at most, until the machine is quiet: its processors idle 90 % of a second or more
 * (waiting on the disk is not idle). The bench begins right after two builds, and each size right
 * after its session is imported, which the browser's database settles in the background. In a run
 * that measured at once, the first openings of the run were its slowest, ours more than the
 * baseline's (whatever else runs slows our opening more: see the openings in the test below).
 * Returns the idle share last seen.
 */
async function untilQuiet(): Promise<number | null> {
  const until = Date.now() + 30_000;
  let idle: number | null = null;
  while (Date.now() < until) {
    const before = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuTimes();
    if (!before || !after) return null;
    idle = (after.idle - before.idle) / Math.max(1, after.total - before.total);
    if (idle >= 0.9) return idle;
  }
  console.log(`Machine occupée : ${Math.round((idle ?? 0) * 100)} % d'inactivité après 30 s d'attente ; les mesures qui suivent en pâtissent.`);
  return idle;
}

/**
 * Processor time (in clock ticks) taken so far by what is not the bench: every process
 * outside the Playwright runner's tree (the runner, this worker, the browser and the preview server
 * are the bench), and the time the virtual machine's host took back (steal). Linux only: null
 * elsewhere.
 */
function othersTicks(): Map<number | 'steal', number> | null {
  try {
    const ticks = new Map<number | 'steal', number>();
    ticks.set('steal', procStatTicks()[7] ?? 0);
    const parent = new Map<number, number>();
    const used = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      used.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    }
    const runner = process.ppid;
    const isBench = (pid: number) => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parent.get(p) ?? 0, hops++) if (p === runner) return true;
      return false;
    };
    for (const [pid, t] of used) if (!isBench(pid)) ticks.set(pid, t);
    return ticks;
  } catch {
    return null;
  }
}

/** What else ran on the machine between two `othersTicks()`: the share of one processor it took. */
function othersShare(before: ReturnType<typeof othersTicks>, after: ReturnType<typeof othersTicks>, seconds: number): number | null {
  if (!before || !after || seconds <= 0) return null;
  let ticks = 0;
  for (const [key, t] of after) ticks += t - (before.get(key) ?? (key === 'steal' ? t : 0));
  return ticks / 100 / seconds;
}

/** A run of openings is redone once when other work took more than this share of a processor meanwhile. */
const DISTURBED = 0.1;

async function importSession(page: Page, session: Session) {
  const text = serializeSessionFile(session);
  if (!text.ok) throw new Error(text.errors[0]!.message);
  await page.goto('./');
  await page.getByLabel('Fichier à importer').setInputFiles({ name: 'bench.acia.json', mimeType: 'application/json', buffer: Buffer.from(text.value) });
  await expect(page.getByRole('link', { name: session.title })).toBeVisible();
}

/**
 * Counts, in the page, the drawings taken down that our home page puts out of sight to warm up
 * the maps' code (`.warm-up`, src/features/sessions/warmUpMaps.tsx), and the baseline page its own
 * (bench/baseline/main.tsx). Only the body's children are watched, until the first.
 */
const COUNT_WARM_UPS = () => {
  const w = window as unknown as { warmUps_: number };
  w.warmUps_ = 0;
  document.addEventListener('DOMContentLoaded', () => {
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.removedNodes) {
          if (n instanceof HTMLElement && n.classList.contains('warm-up')) {
            w.warmUps_++;
            observer.disconnect();
          }
        }
      }
    });
    observer.observe(document.body, { childList: true });
  });
};

/**
 * Waits until the page has warmed up its maps' code (see COUNT_WARM_UPS), then until it is settled.
 * Both pages are measured warm: a page that never warms up stops the bench.
 */
async function warmedUp(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { warmUps_?: number }).warmUps_! > 0, null, { timeout: 10_000 }).catch(() => {
    throw new Error(`la page ${page.url()} n'a pas dessiné ses cartes d'avance (.warm-up) en 10 s`);
  });
  await settled(page);
}

/** Our maps' first view, as the maps themselves fit it. */
const FIT = FIT_VIEW;
/** How a map stands in our page: its canvas's size (measured) and its first view; the baseline is drawn so. */
type Frame = { width: number; height: number; fit: { padding: number; maxZoom: number } };
const NODE_OF = { conduite: '.react-flow__node-step', acteurs: '.react-flow__node-actor' } as const;

/** The size of our map's canvas, as it stands once opened (the same viewport for both pages: playwright.config.ts). */
async function ourFrame(page: Page, map: 'conduite' | 'acteurs'): Promise<Frame> {
  const box = await page.evaluate((node) => {
    const canvas = document.querySelector(node)!.closest('.canvas')!.getBoundingClientRect();
    return { width: Math.round(canvas.width), height: Math.round(canvas.height) };
  }, NODE_OF[map]);
  return { ...box, fit: FIT[map] };
}

async function openOurs(page: Page, session: Session, map: 'conduite' | 'acteurs'): Promise<number> {
  await page.goto('./#/');
  await expect(page.getByRole('link', { name: session.title })).toBeVisible();
  await warmedUp(page);
  if (map === 'conduite') {
    return page.evaluate(async ([title, wait]) => {
      const link = [...document.querySelectorAll('a')].find((a) => a.textContent === title)!;
      const t0 = performance.now();
      link.click();
      await (0, eval)(wait);
      return performance.now() - t0;
    }, [session.title, untilNodes(NODE_OF.conduite, session.steps.length)] as const);
  }
  await page.getByRole('link', { name: session.title }).click();
  await expect(page.getByRole('tab', { name: 'Acteurs' })).toBeVisible();
  return page.evaluate(async (wait) => {
    const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === 'Acteurs') as HTMLElement;
    const t0 = performance.now();
    tab.click();
    await (0, eval)(wait);
    return performance.now() - t0;
  }, untilNodes(NODE_OF.acteurs, session.actors.length));
}

/** Resolves once the map's viewport has not moved for three frames. */
const untilStill = () =>
  new Promise<void>((resolve) => {
    let last = '';
    let still = 0;
    const tick = () => {
      const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
      still = transform === last ? still + 1 : 0;
      last = transform;
      if (still >= 3) resolve();
      else requestAnimationFrame(tick);
    };
    tick();
  });

/**
 * Resolves once the map's edges have not changed for 1 s (10 s at most): the routed paths come
 * from the routing worker after the map is drawn, and a pane point chosen before they come may be
 * under an edge once they do (a press there does not pan).
 */
const untilEdgesStill = () =>
  new Promise<void>((resolve) => {
    const began = performance.now();
    let last = '';
    let since = performance.now();
    const tick = () => {
      const paths = [...document.querySelectorAll('.react-flow__edge-path')].map((p) => p.getAttribute('d') ?? '').join('|');
      if (paths !== last) {
        last = paths;
        since = performance.now();
      }
      if (performance.now() - since >= 1000 || performance.now() - began > 10_000) resolve();
      else setTimeout(tick, 200);
    };
    tick();
  });

/** Resolves once the browser has an idle moment (nothing left to do before the next frame), 1 s at most. */
const untilIdle = () => new Promise<void>((idle) => requestIdleCallback(() => idle(), { timeout: 1000 }));

/**
 * Waits until a page has loaded and done what it does once loaded: nothing fetched for 500 ms, then
 * an idle moment. An opening is timed from there, as a person clicks once the page is ready: our
 * home page fetches the session page's code and prepares the first drawing of a map when the
 * browser is idle after it is drawn (see src/App.tsx), and a click in the first 100 ms raced that
 * (in 5 of 12 openings the code was still being loaded at the click).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(untilIdle);
}

interface Watch { db: string; store: string; key: IDBValidKey; field: string; value: string }
type BenchWindow = {
  untilOnDisk: (watch: Watch, write: (() => unknown) | null, ready?: () => void) => Promise<number>;
  edit?: Promise<number>;
};

/**
 * Resolves to the time (ms) from a write until a second connection reads the row with the value.
 * `write` is run at once (the raw put); `null` starts the clock at the page's first sight of the
 * next Entrée key (a capture listener on window, ahead of the app's own), once `ready` has told
 * the bench to press it. The second connection is in a worker (bench/baseline/public/reader.js):
 * read from the page itself, the row would only be seen once the page is free again (after its
 * re-render and next frame), which measures the page, not the disk.
 */
const UNTIL_ON_DISK = `async (watch, write, ready) => {
  const worker = new Worker('/bench-baseline/reader.js');
  const next = () => new Promise((resolve) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = () => resolve({ error: 'le lecteur du banc (reader.js) ne démarre pas' });
  });
  let message = next();
  worker.postMessage({ watch });
  const first = await message;
  if (first.error) throw new Error(first.error);
  message = next();
  let t0;
  if (write) {
    t0 = performance.timeOrigin + performance.now();
    write();
  } else {
    await new Promise((pressed) => {
      const onKey = (e) => {
        if (e.key !== 'Enter') return;
        t0 = performance.timeOrigin + performance.now();
        window.removeEventListener('keydown', onKey, true);
        pressed();
      };
      window.addEventListener('keydown', onKey, true);
      ready();
    });
  }
  const { at, error } = await message;
  worker.terminate();
  if (error) throw new Error(error);
  return at - t0;
}`;

/**
 * The nodes and edges a map shows, as the baseline draws them: default nodes where ours stand,
 * plain edges. A map's nodes are its steps (or actors) and the notes shown on it; its edges, the
 * links (or relations) and the lines from attached notes to what they hang on.
 */
function baselineElements(session: Session, map: 'conduite' | 'acteurs') {
  const notes = filterNotes(session.notes, { map });
  const plainNodes = (items: readonly { id: string; position: { x: number; y: number } }[], label: (id: string) => string) =>
    items.map((n) => ({ id: n.id, position: n.position, data: { label: label(n.id) } }));
  const plainEdges = (items: readonly { id: string; source: string; target: string }[]) =>
    items.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  const noteText = new Map(notes.map((n) => [`note:${n.id}`, n.text]));
  const noSelection = new Set<string>();
  if (map === 'conduite') {
    const layout = layoutConductMap(session);
    const steps = session.steps.map((s) => ({ id: s.id, position: { x: layout.byId.get(s.id)!.x, y: layout.byId.get(s.id)!.y } }));
    const noteNodes = buildNoteNodes(notes, (note) => {
      const box = note.attachedTo?.type === 'step' ? layout.byId.get(note.attachedTo.id) : undefined;
      return box ? { name: '', x: box.x, y: box.y, width: box.width } : null;
    }, noSelection, { x: 200, y: layout.height + 40 });
    const title = new Map(session.steps.map((s) => [s.id, s.title]));
    return {
      nodes: [...plainNodes(steps, (id) => title.get(id)!), ...plainNodes(noteNodes, (id) => noteText.get(id)!)],
      edges: plainEdges([
        ...session.links.map((l) => ({ id: l.id, source: l.from, target: l.to })),
        ...buildNoteEdges(notes, (n) => layout.byId.has(n.attachedTo!.id)),
      ]),
    };
  }
  const actors = session.actors.map((a) => ({ id: a.id, position: a.position! }));
  const at = new Map(actors.map((a) => [a.id, a.position]));
  const maxY = actors.reduce((m, a) => Math.max(m, a.position.y), 0);
  const noteNodes = buildNoteNodes(notes, (note) => {
    const p = note.attachedTo?.type === 'actor' ? at.get(note.attachedTo.id) : undefined;
    return p ? { name: '', x: p.x, y: p.y, width: ACTOR_NODE.width } : null;
  }, noSelection, { x: 80, y: maxY + 200 });
  const name = new Map(session.actors.map((a) => [a.id, a.name]));
  return {
    nodes: [...plainNodes(actors, (id) => name.get(id)!), ...plainNodes(noteNodes, (id) => noteText.get(id)!)],
    edges: plainEdges([
      ...session.relations.map((r) => ({ id: r.id, source: r.from, target: r.to })),
      ...buildNoteEdges(notes, (n) => at.has(n.attachedTo!.id)),
    ]),
  };
}

async function openBaseline(page: Page, session: Session, map: 'conduite' | 'acteurs', frame: Frame): Promise<number> {
  const { nodes, edges } = baselineElements(session, map);
  await page.goto('./bench-baseline/index.html');
  await page.waitForFunction(() => typeof window.benchRender === 'function', null, { timeout: 10_000 });
  await warmedUp(page);
  return page.evaluate(async ([n, e, f, wait]) => {
    const t0 = performance.now();
    window.benchRender(n, e, f);
    await (0, eval)(wait);
    return performance.now() - t0;
  }, [nodes, edges, frame, untilNodes('.react-flow__node', nodes.length)] as const);
}

/**
 * Frame times (ms) while the mouse drags a node across the canvas for about 2 s; the node is then
 * dropped where it was taken. The node is the one nearest the canvas's middle that the mouse can
 * reach (a large map opens wider than the window, and its first node may lie outside it). Throws
 * if nothing was dragged.
 */
async function dragFrames(page: Page, selector: string): Promise<number[]> {
  // The baseline page fits its view once its nodes are measured, a frame or two after they appear.
  await page.evaluate(untilStill);
  // Then both pages are left to finish what opening them started, as before an edit: our map draws
  // its side panels and mini-map once the browser is idle, and a drag begun at once measured that.
  await page.evaluate(untilIdle);
  // The mouse's point: a whole pixel (where the mouse events land) on the node, not on a handle (a
  // press there draws a link); at 1000 steps the baseline's nodes are 7 px wide.
  const point = await page.evaluate((nodes) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    let best: { x: number; y: number; distance: number } | null = null;
    // Kept for the frame counter below, which asks it at each frame whether it is being dragged.
    const w = window as unknown as { dragNode_?: HTMLElement };
    for (const node of document.querySelectorAll<HTMLElement>(nodes)) {
      const box = node.getBoundingClientRect();
      const x = Math.round(box.x + box.width / 2);
      const distance = Math.hypot(x - middle.x, box.y + box.height / 2 - middle.y);
      if (best && distance >= best.distance) continue;
      for (let y = Math.ceil(box.y); y < box.y + box.height; y++) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.closest('.react-flow__node') === node && !hit.closest('.react-flow__handle')) {
          best = { x, y, distance };
          w.dragNode_ = node;
          break;
        }
      }
    }
    return best;
  }, selector);
  if (!point) throw new Error(`aucun nœud ${selector} à portée de la souris`);
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; dragged_: number; stop_: boolean; dragNode_: HTMLElement };
    w.frames_ = [];
    w.dragged_ = 0;
    w.stop_ = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.frames_.push(t - last);
      last = t;
      // Asked of the node itself: a query of the page at each frame walked its elements up to the
      // dragged node, 0.4 ms of each frame on our 1000-step map (7800 elements), 0.04 ms on the
      // baseline's, and that time was counted in the frames measured.
      if (w.dragNode_.classList.contains('dragging')) w.dragged_++;
      if (!w.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await pressAndWiggle(page, point);
  // Frames while dragging only: what the drop does (a step changes lane) is not the drag.
  const { frames, dragged } = await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; dragged_: number; stop_: boolean };
    w.stop_ = true;
    return { frames: w.frames_.slice(2), dragged: w.dragged_ };
  });
  // Dropped where it was taken: the step stays in its lane, so the next drag finds the same map.
  await page.mouse.move(point.x, point.y);
  await page.mouse.up();
  if (dragged < frames.length / 2) throw new Error(`le nœud sous (${point.x}, ${point.y}) n'a été glissé que pendant ${dragged} images sur ${frames.length}`);
  return frames;
}

/**
 * Presses at `point` and moves the mouse about it for 2 s, one move a frame or so (not released);
 * returns how many moves were made.
 */
async function pressAndWiggle(page: Page, point: { x: number; y: number }): Promise<number> {
  await page.mouse.move(point.x, point.y);
  await page.mouse.down();
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < 2000) {
    i++;
    await page.mouse.move(point.x + Math.sin(i / 8) * 300, point.y + Math.cos(i / 11) * 150);
    await page.waitForTimeout(16);
  }
  return i;
}

/**
 * Frame times (ms) while the mouse pans the map for about 2 s: pressed on the empty pane nearest the
 * canvas's middle and moved about as in a drag (dragFrames). Throws if the view did not follow.
 */
async function panFrames(page: Page): Promise<number[]> {
  // At 1000 steps the routes of a drop come 1.5 s after it, after a second of still edges: a press
  // chosen on the pane may then be under an edge. The view not following is then tried again.
  for (let attempt = 1; ; attempt++) {
    const result = await panOnce(page);
    if ('frames' in result) return result.frames;
    if (attempt === 3) throw new Error(result.error);
    progress(`${result.error} : nouvel essai`);
  }
}

async function panOnce(page: Page): Promise<{ frames: number[] } | { error: string }> {
  await page.evaluate(untilStill);
  await page.evaluate(untilEdgesStill);
  await page.evaluate(untilIdle);
  // A point where a press reaches the pane itself (not a node, an edge or a control): React Flow pans.
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const middle = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
    let best: { x: number; y: number; distance: number } | null = null;
    for (let x = Math.ceil(pane.x) + 20; x < pane.right - 20; x += 10) {
      for (let y = Math.ceil(pane.y) + 20; y < pane.bottom - 20; y += 10) {
        const distance = Math.hypot(x - middle.x, y - middle.y);
        if (best && distance >= best.distance) continue;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) best = { x, y, distance };
      }
    }
    return best;
  });
  if (!point) return { error: 'aucun point du fond de la carte à portée de la souris' };
  // The frames are counted from here; the view's moves too, as the drag counts the node's (dragFrames).
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; moved_: number; stop_: boolean };
    const viewport = document.querySelector<HTMLElement>('.react-flow__viewport')!;
    w.frames_ = [];
    w.moved_ = 0;
    w.stop_ = false;
    let last = performance.now();
    let transform = viewport.style.transform;
    const tick = (t: number) => {
      w.frames_.push(t - last);
      last = t;
      if (viewport.style.transform !== transform) w.moved_++;
      transform = viewport.style.transform;
      if (!w.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const i = await pressAndWiggle(page, point);
  const { frames, moved } = await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; moved_: number; stop_: boolean };
    w.stop_ = true;
    return { frames: w.frames_.slice(2), moved: w.moved_ };
  });
  await page.mouse.up();
  // The mouse moves about 40 times in 2 s (each move is a round trip to the browser): the view must
  // have followed it in a good share of them.
  if (moved < i / 4) return { error: `la carte n'a suivi la souris que dans ${moved} images, pour ${i} mouvements de la souris` };
  return { frames };
}

/** Frames of more than 1.5 vsync: a frame missed. */
const missedFrames = (frames: number[]) => frames.filter((t) => t > 25).length;

/**
 * Arms, in the page, the clock of an edit on screen: it starts when the page first sees the next
 * Entrée key (a capture listener on window, ahead of the page's own), and stops once every target
 * (a selector) holds `value` in its text and the next frame is drawn: in the first task after
 * that frame's animation callbacks, hence after its style, layout and paint. Mutations are watched
 * under `roots` (stable containers: a target may be replaced), and only until the value shows. The
 * time is in `window.screen_`; resolves once armed.
 */
const armOnScreen = (page: Page, roots: string[], targets: string[], value: string) =>
  page.evaluate(
    ([roots, targets, value]) =>
      new Promise<void>((armed) => {
        const w = window as unknown as { screen_: Promise<number> };
        w.screen_ = new Promise<number>((resolve, reject) => {
          let t0: number | null = null;
          let shown = false;
          const within = roots.map((r) => document.querySelector(r));
          if (within.some((r) => !r)) return reject(new Error(`pas de ${roots.join(', ')} dans la page`));
          const holds = () => targets.every((t) => document.querySelector(t)?.textContent?.includes(value));
          const observer = new MutationObserver(() => {
            if (t0 === null || shown || !holds()) return;
            shown = true;
            observer.disconnect();
            const start = t0;
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - start);
              channel.port2.postMessage(null);
            });
          });
          for (const r of within) observer.observe(r!, { subtree: true, childList: true, characterData: true });
          const onKey = (e: KeyboardEvent) => {
            if (e.key !== 'Enter') return;
            t0 = performance.now();
            window.removeEventListener('keydown', onKey, true);
          };
          window.addEventListener('keydown', onKey, true);
          setTimeout(() => {
            observer.disconnect();
            reject(new Error(`« ${value} » pas affiché en 10 s dans ${targets.join(', ')}`));
          }, 10_000);
        });
        w.screen_.catch(() => undefined); // thrown where it is awaited
        armed();
      }),
    [roots, targets, value] as const,
  );

/** The step of an edit: each edit of a run takes another, the same ones on both pages. */
const stepOf = (session: Session, run: number, i: number) => {
  const size = session.steps.length;
  const index = ((i + run * EDITS + size) * 7) % size;
  return { index, id: session.steps[index]!.id };
};

/**
 * One run of EDITS edits (after one that is not counted): each time a step is chosen in the
 * chronology, its title typed in the editor and saved with Entrée. Resolves to the times (ms)
 * from the key until a second connection reads the new title (`disk`), or until the frame that
 * shows it in the map and in the chronology is drawn (`screen`; no second connection then: it
 * takes a processor to poll the database).
 */
async function measureEdits(page: Page, session: Session, run: number, to: 'disk' | 'screen'): Promise<number[]> {
  const size = session.steps.length;
  await openOurs(page, session, 'conduite');
  await page.evaluate((source) => ((window as unknown as BenchWindow).untilOnDisk = (0, eval)(`(${source})`)), UNTIL_ON_DISK);
  // The chronology is drawn just after the map (a low-priority render).
  await expect(page.locator('.chronology-item')).toHaveCount(size);
  const edits: number[] = [];
  // Edit -1 is not counted: it warms the page's code for writing, as the baseline's measured put
  // follows a first put of the row on the same connection.
  for (let i = -1; i < EDITS; i++) {
    const { index, id: stepId } = stepOf(session, run, i);
    // In parentheses: no title is then a part of another (« (0.1) » is not in « (0.10) »).
    const title = `${to === 'disk' ? 'Titre modifié' : 'Titre affiché'} (${run}.${i})`;
    await page.evaluate((at) => (document.querySelectorAll('.chronology-item')[at] as HTMLElement).click(), index);
    // Looked up inside the editor: a role query over the whole page (20 000 elements at 1000
    // steps) fills the page's heap with the bench's own garbage, collected during the edit.
    const field = page.locator('.step-editor').getByRole('textbox', { name: 'Titre' });
    await field.fill(title);
    // Clicking the step in the chronology pans the map to it (300 ms). A person types the title for
    // longer than that; the bench types at once, so it waits for the map to be still and the page
    // idle, as the raw put's page is.
    await page.evaluate(untilStill);
    await page.evaluate(untilIdle);
    if (to === 'disk') {
      await page.evaluate(
        ([sessionId, id, value]) =>
          new Promise<void>((ready) => {
            const bench = window as unknown as BenchWindow;
            bench.edit = bench.untilOnDisk({ db: 'cartographies-acia', store: 'steps', key: [sessionId, id], field: 'title', value }, null, ready);
            bench.edit.catch(() => ready()); // the error is thrown below, where the edit is awaited
          }),
        [session.id, stepId, title] as const,
      );
    } else {
      // The step's node (far out, where it shows its number, its label holds the title) and its line in the chronology.
      await armOnScreen(page, ['.react-flow__nodes', '.chronology'], [`.react-flow__node[data-id="${stepId}"]`, `.chronology > li:nth-child(${index + 1}) .chronology-item`], title);
    }
    // The key goes to the focused title field (as `fill` left it), without a locator: a locator's
    // press first resolves it in the page (Playwright's CSS engine walks every element, 15 ms of the
    // bench's own script and garbage at 1000 steps), right before the measured edit.
    const focused = (value: string) => {
      const field = document.activeElement;
      return field instanceof HTMLInputElement && field.closest('.step-editor') !== null && field.value === value;
    };
    if (!(await page.evaluate(focused, title)))
      throw new Error("le champ Titre de l'éditeur d'étape n'a plus le focus");
    await page.keyboard.press('Enter');
    const time = await page.evaluate((disk) => (disk ? (window as unknown as BenchWindow).edit! : (window as unknown as { screen_: Promise<number> }).screen_), to === 'disk');
    if (i >= 0) edits.push(time);
  }
  return edits;
}

/**
 * The baseline's edit on screen, as measureEdits(…, 'screen'): the same steps' nodes, each brought
 * to the canvas's middle (our chronology slides the map to the step), its label typed in a field
 * and given with Entrée; until the frame that shows it is drawn.
 */
async function measureLabelEdits(page: Page, session: Session, run: number, frame: Frame): Promise<number[]> {
  await openBaseline(page, session, 'conduite', frame);
  const edits: number[] = [];
  for (let i = -1; i < EDITS; i++) {
    const { id } = stepOf(session, run, i);
    const label = `Titre affiché (${run}.${i})`;
    await page.evaluate((node) => {
      window.benchCentre(node);
      document.getElementById('edit')!.dataset.node = node;
    }, id);
    await page.locator('#edit').fill(label);
    await page.evaluate(untilStill);
    await page.evaluate(untilIdle);
    await armOnScreen(page, ['.react-flow__nodes'], [`.react-flow__node[data-id="${id}"]`], label);
    if (!(await page.evaluate(() => document.activeElement?.id === 'edit'))) throw new Error("le champ de la référence n'a plus le focus");
    await page.keyboard.press('Enter');
    const time = await page.evaluate(() => (window as unknown as { screen_: Promise<number> }).screen_);
    if (i >= 0) edits.push(time);
  }
  return edits;
}

/** One run of EDITS raw Dexie puts of one row on the baseline page, each until the worker reads it. */
async function measurePuts(page: Page, run: number): Promise<number[]> {
  await page.goto('./bench-baseline/index.html');
  await page.waitForFunction(() => typeof window.benchPut === 'function', null, { timeout: 10_000 });
  await page.evaluate((source) => ((window as unknown as BenchWindow).untilOnDisk = (0, eval)(`(${source})`)), UNTIL_ON_DISK);
  const puts: number[] = [];
  for (let i = 0; i < EDITS; i++) puts.push(await page.evaluate((n) => window.benchPut(n, (window as unknown as BenchWindow).untilOnDisk), run * EDITS + i));
  return puts;
}

function add(measure: string, size: number | string, ours: number, baseline: number | null, budget: string, limit: ((ratio: number | null, ours: number) => boolean) | null, unit = 'ms', runs?: Row['runs'], others?: number | null) {
  // Judged as printed (two decimals): timings come in 0.1 ms steps, and 4.2 / 1.4 is 3.00×, not 3.0000000004×.
  const ratio = baseline ? Math.round((ours / baseline) * 100) / 100 : null;
  const row: Row = { measure, size, ours, baseline, ratio, budget, pass: limit ? limit(ratio, ours) : null, unit, ...(runs ? { runs } : {}), ...(others != null ? { others: Math.round(others * 1000) / 1000 } : {}) };
  rows.push(row);
  // Said at once too: a run stopped midway (an error, the test's time limit) keeps what it measured.
  progress(`${measure}, ${size} : ${ours.toFixed(2)} ${unit} / ${baseline === null ? '—' : `${baseline.toFixed(2)} ${unit}`}${ratio === null ? '' : ` (${ratio.toFixed(2)}×)`}, ${budget} : ${row.pass === null ? '—' : row.pass ? 'OK' : 'ÉCHEC'}`);
}

test('benchmark', async ({ page, browser }) => {
  await page.addInitScript(COUNT_WARM_UPS);
  const editP95: Record<number, number> = {};
  for (const size of SIZES) {
    const session = generateSession(size);
    progress(`${size} étapes : ouvertures`);
    await importSession(page, session);
    await untilQuiet();
    const frames = {} as Record<'conduite' | 'acteurs', Frame>;

    for (const map of ['conduite', 'acteurs'] as const) {
      const label = `Ouverture ${map === 'conduite' ? 'conduite de projet' : 'acteurs'}`;
      let ours: number[] = [];
      let base: number[] = [];
      let others: number | null = null;
      // Our opening keeps the processor busy from the click to its frame, while the baseline's waits
      // on frames: other work on the machine slows ours more (a busy loop on one of two cores took
      // 20-step openings from 0.97× to 1.47×–1.78×). A run of openings during which other work took
      // more than a tenth of a processor is said and redone once, once the machine is quiet again.
      for (let attempt = 0; attempt < 2; attempt++) {
        if (attempt > 0) {
          console.log(`${label}, ${size} étapes : d'autres programmes ont pris ${Math.round(others! * 100)} % d'un processeur pendant les ouvertures ; elles sont refaites.`);
          await untilQuiet();
        }
        ours = [];
        base = [];
        await openOurs(page, session, map); // warm-up: code chunks loaded once
        frames[map] = await ourFrame(page, map);
        await openBaseline(page, session, map, frames[map]);
        const before = othersTicks();
        const t0 = Date.now();
        for (let r = 0; r < OPEN_RUNS; r++) {
          ours.push(await openOurs(page, session, map));
          base.push(await openBaseline(page, session, map, frames[map]));
        }
        others = othersShare(before, othersTicks(), (Date.now() - t0) / 1000);
        if (others === null || others <= DISTURBED) break;
      }
      add(label, size, median(ours), median(base), '≤ 1,3× la référence', (ratio) => ratio !== null && ratio <= 1.3, 'ms', { ours, baseline: base }, others);
    }

    // Edit to disk: a step's title typed in the editor and saved with Entrée, as a person does,
    // until a second connection reads it; then as many raw puts. Each run gives a p50 and a p95
    // (of EDITS edits); the table gives their medians over the runs, ours and the put's runs
    // interleaved.
    progress(`${size} étapes : modification → disque`);
    const editRuns: { p50: number; p95: number }[] = [];
    const putRuns: { p50: number; p95: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const edits = await measureEdits(page, session, run, 'disk');
      const puts = await measurePuts(page, run);
      editRuns.push({ p50: quantile(edits, 0.5), p95: quantile(edits, 0.95) });
      putRuns.push({ p50: quantile(puts, 0.5), p95: quantile(puts, 0.95) });
    }
    const of = (runs: { p50: number; p95: number }[], q: 'p50' | 'p95') => median(runs.map((r) => r[q]));
    const each = (q: 'p50' | 'p95') => ({ ours: editRuns.map((r) => r[q]), baseline: putRuns.map((r) => r[q]) });
    editP95[size] = of(editRuns, 'p95');
    add('Modification → disque p50', size, of(editRuns, 'p50'), of(putRuns, 'p50'), 'information', null, 'ms', each('p50'));
    add('Modification → disque p95', size, of(editRuns, 'p95'), of(putRuns, 'p95'), '≤ 3× le put Dexie', (ratio) => ratio !== null && ratio <= 3, 'ms', each('p95'));

    // Edit on screen: the same edits, until the frame that shows the title in the map and in the
    // chronology; against the baseline's node given a new label. RUNS runs of each, interleaved.
    progress(`${size} étapes : modification → écran`);
    const shownRuns: { p50: number; p95: number }[] = [];
    const labelRuns: { p50: number; p95: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const edits = await measureEdits(page, session, run, 'screen');
      const labels = await measureLabelEdits(page, session, run, frames.conduite);
      shownRuns.push({ p50: quantile(edits, 0.5), p95: quantile(edits, 0.95) });
      labelRuns.push({ p50: quantile(labels, 0.5), p95: quantile(labels, 0.95) });
    }
    const eachShown = (q: 'p50' | 'p95') => ({ ours: shownRuns.map((r) => r[q]), baseline: labelRuns.map((r) => r[q]) });
    add('Modification → écran p50', size, of(shownRuns, 'p50'), of(labelRuns, 'p50'), 'information', null, 'ms', eachShown('p50'));
    add('Modification → écran p95', size, of(shownRuns, 'p95'), of(labelRuns, 'p95'), '≤ 1,5× la référence', (ratio) => ratio !== null && ratio <= 1.5, 'ms', eachShown('p95'));

    // Drag a step for 2 s, then pan the map for 2 s on the same page: frame times against the same
    // drag and pan on bare React Flow, RUNS of each on each page, interleaved; the medians of each
    // drag's p50 and p95, and of the frames each drag and pan missed.
    progress(`${size} étapes : glisser et panoramique`);
    const oursDrags: number[][] = [];
    const baseDrags: number[][] = [];
    const oursPans: number[][] = [];
    const basePans: number[][] = [];
    for (let run = 0; run < RUNS; run++) {
      await openOurs(page, session, 'conduite');
      oursDrags.push(await dragFrames(page, '.react-flow__node-step'));
      oursPans.push(await panFrames(page));
      await openBaseline(page, session, 'conduite', frames.conduite);
      baseDrags.push(await dragFrames(page, '.react-flow__node'));
      basePans.push(await panFrames(page));
    }
    const frameTimes = (drags: number[][], q: number) => median(drags.map((f) => quantile(f, q)));
    const eachDrag = (q: number) => ({ ours: oursDrags.map((f) => quantile(f, q)), baseline: baseDrags.map((f) => quantile(f, q)) });
    add('Glisser : image p50', size, frameTimes(oursDrags, 0.5), frameTimes(baseDrags, 0.5), 'information', null, 'ms', eachDrag(0.5));
    add('Glisser : image p95', size, frameTimes(oursDrags, 0.95), frameTimes(baseDrags, 0.95), '≤ 1,3× la référence', (ratio) => ratio !== null && ratio <= 1.3, 'ms', eachDrag(0.95));
    // Frames missed per drag: what the p95 flips on.
    const missed = (runs: number[][]) => runs.map(missedFrames);
    add('Glisser : images manquées', size, median(missed(oursDrags)), median(missed(baseDrags)), 'information', null, 'images', { ours: missed(oursDrags), baseline: missed(baseDrags) });
    const panMissed = median(missed(oursPans));
    const panBase = median(missed(basePans));
    add('Panoramique : images manquées', size, panMissed, panBase, '≤ 1,3× la référence + 2', () => panMissed <= 1.3 * panBase + 2, 'images', { ours: missed(oursPans), baseline: missed(basePans) });

    if (size === 200) {
      // The map's edges routed around its boxes, in the app's routing worker (bench/routing.ts).
      progress(`${size} étapes : routage dans le worker`);
      await openOurs(page, session, 'conduite');
      const routing = await measureRoutingInWorker(page, routingWorkerAsset(join(process.cwd(), 'dist-bench')), conductQuestion(session), RUNS);
      add('Routage dans le worker', size, median(routing.times), null, '≤ 300 ms', (_r, ours) => ours <= 300, 'ms', { ours: routing.times });
      add('Routage : premier (WebAssembly chargé)', size, routing.first, null, 'information', null, 'ms');

      progress(`${size} étapes : exports`);
      await openOurs(page, session, 'conduite');
      for (const [label, item] of [['Export PNG', 'Image PNG'], ['Export SVG', 'Image SVG']] as const) {
        const times: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          // From the page's sight of the click on the menu's item (a capture listener, in the
          // machine's clock) until the file is saved: Playwright's own lookups of the button and
          // the item (some 50 ms each at 200 steps) are not the export.
          await page.evaluate(() => {
            const w = window as unknown as { clicked_: number };
            const onClick = (e: MouseEvent) => {
              if (!(e.target instanceof Element) || !e.target.closest('[role="menuitem"]')) return;
              w.clicked_ = performance.timeOrigin + performance.now();
              window.removeEventListener('click', onClick, true);
            };
            window.addEventListener('click', onClick, true);
          });
          const downloading = page.waitForEvent('download');
          await page.getByRole('button', { name: 'Exporter' }).click();
          await page.getByRole('menuitem', { name: item }).click();
          await (await downloading).path();
          const saved = Date.now();
          times.push(saved - (await page.evaluate(() => (window as unknown as { clicked_: number }).clicked_)));
        }
        add(label, size, median(times), null, label === 'Export PNG' ? '≤ 0,5 s' : 'information', label === 'Export PNG' ? (_r, ours) => ours <= 500 : null, 'ms', { ours: times });
      }
    }
  }
  if (editP95[20] && editP95[1000]) {
    add('Croissance p95 20 → 1000 étapes', '20→1000', editP95[1000] / editP95[20], null, '≤ 1,5×', (_r, ours) => ours <= 1.5, '×');
  }

  // Bundle: the JavaScript the first page loads, and everything precached.
  const dist = join(process.cwd(), 'dist-bench');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f))).length;
  const initialKb = initial.reduce((n, f) => n + gz(f), 0) / 1024;
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const precached = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!).filter((f) => !f.startsWith('http'));
  const precacheKb = precached.reduce((n, f) => n + gz(f), 0) / 1024;
  add('JavaScript initial (gzip)', '-', initialKb, null, '≤ 250 Ko', (_r, ours) => ours <= 250, 'Ko');
  add('Tout le précache (gzip)', '-', precacheKb, null, 'information', null, 'Ko');

  const fmt = (n: number | null, unit = '') => (n === null || Number.isNaN(n) ? '—' : `${Number.isInteger(n) && unit.trim() === 'images' ? n : n.toFixed(n < 10 ? 2 : 1)}${unit}`);
  const table = [
    ['mesure', 'taille', 'nous', 'référence', 'rapport', 'budget', 'résultat'],
    ...rows.map((r) => [r.measure, String(r.size), fmt(r.ours, ` ${r.unit}`), fmt(r.baseline, r.baseline === null ? '' : ` ${r.unit}`), r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`, r.budget, `${r.pass === null ? '—' : r.pass ? 'OK' : 'ÉCHEC'}${(r.others ?? 0) > DISTURBED ? ' *' : ''}`]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  console.log(`\n${table.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n')}\n`);
  if (rows.some((r) => (r.others ?? 0) > DISTURBED)) console.log("* Mesure perturbée : d'autres programmes ont pris plus d'un dixième d'un processeur pendant ces ouvertures, deux fois de suite.\n");
  writeFileSync(join(process.cwd(), 'bench', 'results.json'), JSON.stringify({ quick: QUICK, runs: RUNS, openRuns: OPEN_RUNS, date: new Date().toISOString(), chromium: browser.version(), rows }, null, 2));
  const failed = rows.filter((r) => r.pass === false);
  if (failed.length === 0) {
    console.log('Tous les budgets sont tenus.');
    return;
  }
  const which = failed.map((r) => `${r.measure} (${r.size})`).join(', ');
  if (REPORT_ONLY) console.log(`Budgets non tenus (rapport seulement, ${QUICK ? 'BENCH_QUICK' : 'BENCH_REPORT_ONLY'}) : ${which}.`);
  else throw new Error(`Budgets non tenus : ${which}.`);
});
