/** The session page's own actions, and every scope of the page: the registry the page's keys and panel read. */
import type { ActionContext } from '../../state/actionContext';
import type { Action, ActionScope } from '../../ui/actions';
import { actorScope } from '../actor-map/actions';
import { conductScope } from '../conduct-map/actions';

type SessionAction = Action<ActionContext>;

export const undo: SessionAction = {
  id: 'atelier.annuler',
  label: 'Annuler',
  keys: ['Mod+Z'],
  inFields: 'without-own-undo',
  enabled: (ctx) => ctx.history.canUndo(),
  perform: (ctx) => ctx.history.undo(),
};

export const redo: SessionAction = {
  id: 'atelier.retablir',
  label: 'Rétablir',
  keys: ['Mod+Shift+Z', 'Mod+Y'],
  inFields: 'without-own-undo',
  enabled: (ctx) => ctx.history.canRedo(),
  perform: (ctx) => ctx.history.redo(),
};

export const showShortcuts: SessionAction = {
  id: 'atelier.raccourcis',
  label: 'Raccourcis clavier',
  keys: ['?'],
  enabled: () => true,
  perform: (ctx) => ctx.view().openDialog({ kind: 'shortcuts' }),
};

export const togglePanels: SessionAction = {
  id: 'atelier.panneaux',
  label: 'Panneaux',
  enabled: () => true,
  perform: (ctx) => ctx.view().setDisplay({ panels: !ctx.view().panels }),
};

export const toggleMiniMap: SessionAction = {
  id: 'atelier.mini-carte',
  label: 'Mini-carte',
  enabled: (ctx) => !ctx.view().outline,
  perform: (ctx) => ctx.view().setDisplay({ miniMap: !ctx.view().miniMap }),
};

export const roomMode: SessionAction = {
  id: 'atelier.mode-salle',
  label: 'Mode salle',
  keys: ['M'],
  enabled: () => true,
  perform: (ctx) => ctx.view().setRoomMode(!ctx.view().roomMode),
};

export const sessionScope: ActionScope<ActionContext> = {
  id: 'atelier',
  label: 'Atelier',
  active: () => true,
  actions: [undo, redo, showShortcuts, roomMode],
};

const TAB_ORDER = ['conduite', 'acteurs', 'synthese', 'regards'] as const;
function tabBy(delta: 1 | -1): SessionAction['perform'] {
  return (ctx) => {
    const i = TAB_ORDER.indexOf(ctx.view().tab);
    ctx.view().setTab(TAB_ORDER[(i + delta + TAB_ORDER.length) % TAB_ORDER.length]!);
  };
}
function stepBy(delta: 1 | -1): SessionAction['perform'] {
  return (ctx) => {
    const steps = ctx.session()?.steps ?? [];
    if (steps.length === 0) return;
    const current = steps.findIndex((s) => s.id === ctx.view().selection[0]);
    const next = steps[current < 0 ? (delta > 0 ? 0 : steps.length - 1) : Math.min(steps.length - 1, Math.max(0, current + delta))]!;
    ctx.view().select([next.id], 'step');
    ctx.view().requestView(next.id, 'center');
  };
}
const onConductMap = (ctx: ActionContext) => ctx.view().tab === 'conduite' && (ctx.session()?.steps.length ?? 0) > 0;

/** In room mode, the projector's keys: from map to map, from step to step. Read before the other scopes. */
export const roomScope: ActionScope<ActionContext> = {
  id: 'salle',
  label: 'Mode salle',
  active: (ctx) => ctx.view().roomMode,
  actions: [
    { id: 'salle.vue-suivante', label: 'Carte ou synthèse suivante', keys: ['PageDown'], enabled: () => true, perform: tabBy(1) },
    { id: 'salle.vue-precedente', label: 'Carte ou synthèse précédente', keys: ['PageUp'], enabled: () => true, perform: tabBy(-1) },
    { id: 'salle.etape-suivante', label: 'Étape suivante, au centre de la carte', keys: ['ArrowRight'], enabled: onConductMap, perform: stepBy(1) },
    { id: 'salle.etape-precedente', label: 'Étape précédente, au centre de la carte', keys: ['ArrowLeft'], enabled: onConductMap, perform: stepBy(-1) },
    { id: 'salle.quitter', label: 'Quitter le mode salle', keys: ['Escape'], enabled: () => true, perform: (ctx) => ctx.view().setRoomMode(false) },
  ],
};

/** Every action of a session page, scope by scope. */
export const SESSION_PAGE_SCOPES: readonly ActionScope<ActionContext>[] = [roomScope, sessionScope, conductScope, actorScope];

/**
 * Keys that the focused element handles itself (a step of the map, an editor, the replay): not
 * actions of the page, listed in the panel after them.
 */
export const FOCUSED_KEYS: readonly [string, string][] = [
  ['Entrée', "Dans l'éditeur d'étape : enregistrer (puis saisir l'étape suivante)"],
  ['Ctrl+Entrée', 'Dans une description : enregistrer'],
  ['Tab, Entrée, Espace', 'Aller aux étapes et acteurs de la carte, les sélectionner'],
  ['← →', 'Sur une étape de la carte : étape précédente, suivante dans la chronologie'],
  ['↑ ↓', 'Sur une étape de la carte : étape du couloir au-dessus, au-dessous'],
  ['Entrée (sur une étape)', "Modifier l'étape : le curseur va dans son titre"],
  ['Alt+↑, Alt+↓ (dans le déroulé)', "Avancer ou reculer l'étape dans la chronologie"],
  ['Flèches (acteurs, notes)', "Déplacer l'acteur ou la note sélectionnés (Maj : plus loin)"],
  ['Échap', 'Fermer une fenêtre, quitter la présentation'],
  ['→, Espace ; ←', 'Présentation : étape suivante ; précédente'],
];
