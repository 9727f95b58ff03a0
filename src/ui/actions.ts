/**
 * Actions: one user intent, one object, read by the toolbars, the menus, the keyboard dispatcher
 * and the shortcuts panel (so a shortcut shown is a shortcut that works). Generic over the
 * context they are performed in, so that tests perform them headless.
 */

/** A key as written in the registry: `Mod+Shift+Z`, `Alt+ArrowUp`, `Delete`, `N`, `?`. `Mod` is Ctrl (⌘ on a Mac). */
export type KeySpec = string;

export interface Action<C> {
  id: string;
  /** French, as shown on a button or in the shortcuts panel. */
  label: string;
  keys?: readonly KeySpec[];
  /** Where the keys work in a text field: never (the default), or only where the field has no undo of its own. */
  inFields?: 'never' | 'without-own-undo';
  enabled: (ctx: C) => boolean;
  perform: (ctx: C) => void | Promise<void>;
}

export interface ActionScope<C> {
  id: string;
  /** The panel's heading for this scope. */
  label: string;
  actions: readonly Action<C>[];
  /** Whether the scope's keys work now (the conduct map's only on its tab). */
  active: (ctx: C) => boolean;
}

export const isTextField = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

const NO_OWN_UNDO = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);
/** A field that has its own undo (typing): Ctrl+Z there undoes the typing, not the map. */
export const hasOwnUndo = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement &&
  (el.isContentEditable || el.tagName === 'TEXTAREA' || (el instanceof HTMLInputElement && !NO_OWN_UNDO.has(el.type)));

interface ParsedKey {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parseKey(spec: KeySpec): ParsedKey {
  const parts = spec.split('+');
  // `+` itself would be the last, empty part: no action uses it.
  const key = parts.pop()!;
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key };
}

/** A printable sign other than a letter or a digit (`?`) is typed with Shift on some layouts: Shift is not checked for it. */
const isSign = (key: string) => key.length === 1 && !/[\p{L}\p{N}]/u.test(key);

export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function matchesKey(e: KeyEventLike, spec: KeySpec): boolean {
  const k = parseKey(spec);
  if (e.key.toLowerCase() !== k.key.toLowerCase()) return false;
  if ((e.ctrlKey || e.metaKey) !== k.mod || e.altKey !== k.alt) return false;
  return isSign(k.key) || e.shiftKey === k.shift;
}

const ARIA_NAMES: Record<string, string> = { Mod: 'Control' };
/** The `aria-keyshortcuts` value of an action (WAI-ARIA names: Control, Shift, Alt, ArrowUp). */
export function ariaKeys(action: Action<never>): string | undefined {
  if (!action.keys?.length) return undefined;
  return action.keys.map((spec) => spec.split('+').map((p) => ARIA_NAMES[p] ?? p).join('+')).join(' ');
}

const SHOWN: Record<string, string> = {
  Mod: 'Ctrl', Shift: 'Maj', Delete: 'Suppr', Backspace: 'Retour arrière', Escape: 'Échap', Enter: 'Entrée',
  ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→',
};
/** The keys as the panel and the tooltips show them, in French: `Ctrl+Maj+Z ou Ctrl+Y`. */
export function shownKeys(action: Action<never>): string {
  return (action.keys ?? []).map((spec) => spec.split('+').map((p) => SHOWN[p] ?? p).join('+')).join(' ou ');
}

/** The button's tooltip: its label, and its keys when it has some. */
export const actionTitle = (action: Action<never>) => (action.keys?.length ? `${action.label} (${shownKeys(action)})` : action.label);

/**
 * The action a key press asks for, or null. Written once for every page: no action while a
 * modal dialog is open, none for a key the focused element already handled, none in a text
 * field (but undo where the field has no undo of its own).
 */
export function actionForKey<C>(scopes: readonly ActionScope<C>[], ctx: C, e: KeyboardEvent): Action<C> | null {
  if (e.defaultPrevented || document.querySelector('[aria-modal="true"]')) return null;
  const inField = isTextField(e.target);
  for (const scope of scopes) {
    if (!scope.active(ctx)) continue;
    for (const action of scope.actions) {
      if (!action.keys?.some((spec) => matchesKey(e, spec))) continue;
      if (inField && (action.inFields ?? 'never') === 'never') continue;
      if (inField && hasOwnUndo(e.target)) continue;
      if (!action.enabled(ctx)) continue;
      return action;
    }
  }
  return null;
}
