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

export const sessionScope: ActionScope<ActionContext> = {
  id: 'atelier',
  label: 'Atelier',
  active: () => true,
  actions: [undo, redo, showShortcuts],
};

/** Every action of a session page, scope by scope. */
export const SESSION_PAGE_SCOPES: readonly ActionScope<ActionContext>[] = [sessionScope, conductScope, actorScope];

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
