/** The actor map's actions: its toolbar, its keys and its part of the shortcuts panel. */
import {
  actorUsage, copyActors, deleteActors, deleteRelations, moveActors, pasteActors,
} from '../../domain/commands/actors';
import { deleteNotes } from '../../domain/commands/notes';
import { newId } from '../../domain/ids';
import type { Session } from '../../domain/types';
import type { ActionContext } from '../../state/actionContext';
import { noteIdOf } from '../../state/viewStore';
import type { Action, ActionScope } from '../../ui/actions';
import { arrangeByCategory } from './arrange';

type ActorAction = Action<ActionContext>;

/** Deleting these actors would change steps or lanes: the user is asked first. */
export function actorsDeletionMatters(session: Session, ids: readonly string[]): boolean {
  return ids.some((id) => {
    const usage = actorUsage(session, id);
    return usage.participations.length > 0 || usage.lanes.length > 0;
  });
}

/** Deletes actors, relations and notes in one command (one undo step), and clears the selection. */
export function deleteActorsAndMore(ctx: ActionContext, actorIds: readonly string[], relationIds: readonly string[], noteIds: readonly string[]) {
  ctx.apply((x) => deleteNotes(deleteRelations(deleteActors(x, actorIds), relationIds), noteIds));
  ctx.view().select([], 'actor');
  ctx.view().selectLinks([]);
  ctx.announce('Sélection supprimée (Ctrl+Z pour annuler).');
}

const hasSession = (ctx: ActionContext) => ctx.session() !== null;

function selected(ctx: ActionContext) {
  const session = ctx.session();
  const { selection, linkSelection } = ctx.view();
  if (!session) return { actorIds: [], relationIds: [], noteIds: [] };
  const actors = new Set(session.actors.map((a) => a.id));
  const relations = new Set(session.relations.map((r) => r.id));
  return {
    actorIds: selection.filter((id) => actors.has(id)),
    relationIds: linkSelection.filter((id) => relations.has(id)),
    noteIds: selection.map(noteIdOf).filter((id): id is string => id !== null),
  };
}

export const addActor: ActorAction = {
  id: 'acteurs.ajouter-acteur',
  label: 'Ajouter un acteur',
  enabled: hasSession,
  perform: (ctx) => ctx.view().openDialog({ kind: 'actor' }),
};

export const addRelation: ActorAction = {
  id: 'acteurs.ajouter-relation',
  label: 'Ajouter une relation',
  keys: ['R'],
  enabled: hasSession,
  perform: (ctx) => {
    // From the selected actor, when one is.
    const [from] = selected(ctx).actorIds;
    ctx.view().openDialog({ kind: 'relation', ...(from && ctx.view().selection.length === 1 ? { from } : {}) });
  },
};

export const addNote: ActorAction = {
  id: 'acteurs.ajouter-note',
  label: 'Ajouter une note',
  enabled: hasSession,
  perform: (ctx) => ctx.view().openDialog({ kind: 'note' }),
};

export const arrange: ActorAction = {
  id: 'acteurs.ranger',
  label: 'Ranger par catégorie',
  enabled: (ctx) => (ctx.session()?.actors.length ?? 0) > 0 && !ctx.view().arranging,
  perform: async (ctx) => {
    const session = ctx.session();
    if (!session) return;
    ctx.view().setArranging(true);
    try {
      const positions = await arrangeByCategory(session);
      ctx.apply((s) => moveActors(s, positions));
      ctx.announce('Acteurs rangés par catégorie (Ctrl+Z pour annuler).');
      ctx.view().requestFit();
    } finally {
      ctx.view().setArranging(false);
    }
  },
};

export const deleteSelection: ActorAction = {
  id: 'acteurs.supprimer',
  label: 'Supprimer la sélection (acteurs, relations, notes)',
  keys: ['Delete', 'Backspace'],
  enabled: (ctx) => {
    const s = selected(ctx);
    return s.actorIds.length + s.relationIds.length + s.noteIds.length > 0;
  },
  perform: (ctx) => {
    const session = ctx.session();
    const { actorIds, relationIds, noteIds } = selected(ctx);
    if (!session || actorIds.length + relationIds.length + noteIds.length === 0) return;
    if (actorsDeletionMatters(session, actorIds)) ctx.view().openDialog({ kind: 'delete-actors', actorIds, relationIds, noteIds });
    else deleteActorsAndMore(ctx, actorIds, relationIds, noteIds);
  },
};

const hasSelectedActors = (ctx: ActionContext) => selected(ctx).actorIds.length > 0;

function copy(ctx: ActionContext, cut: boolean) {
  const session = ctx.session();
  if (!session) return;
  const clip = copyActors(session, ctx.view().selection);
  if (!clip) return;
  ctx.clipboard.tab.actors = clip;
  if (cut) {
    const ids = clip.actors.map((a) => a.id);
    // Copied already; removed once the user confirms (the dialog announces the deletion).
    if (actorsDeletionMatters(session, ids)) {
      ctx.view().openDialog({ kind: 'delete-actors', actorIds: ids, relationIds: [], noteIds: [] });
      return;
    }
    ctx.apply((x) => deleteActors(x, ids));
    ctx.view().select([], 'actor');
  }
  const n = clip.actors.length;
  ctx.announce(`${n} acteur${n > 1 ? 's' : ''} ${cut ? 'coupé' : 'copié'}${n > 1 ? 's' : ''}.`);
}

export const copySelection: ActorAction = {
  id: 'acteurs.copier',
  label: 'Copier les acteurs sélectionnés',
  keys: ['Mod+C'],
  enabled: hasSelectedActors,
  perform: (ctx) => copy(ctx, false),
};

export const cutSelection: ActorAction = {
  id: 'acteurs.couper',
  label: 'Couper les acteurs sélectionnés',
  keys: ['Mod+X'],
  enabled: hasSelectedActors,
  perform: (ctx) => copy(ctx, true),
};

export const paste: ActorAction = {
  id: 'acteurs.coller',
  label: 'Coller des acteurs copiés',
  keys: ['Mod+V'],
  enabled: hasSession,
  perform: (ctx) => {
    const clip = ctx.clipboard.tab.actors;
    if (!clip) {
      ctx.announce("Rien à coller : copiez d'abord un ou plusieurs acteurs.");
      return;
    }
    let pasted: string[] = [];
    ctx.apply((x) => {
      const r = pasteActors(x, clip, () => newId('acteur'));
      pasted = r.pastedIds;
      return r.session;
    });
    ctx.view().select(pasted, 'actor');
    const n = pasted.length;
    ctx.announce(`${n} acteur${n > 1 ? 's' : ''} collé${n > 1 ? 's' : ''}.`);
  },
};

export const deselect: ActorAction = {
  id: 'acteurs.deselectionner',
  label: 'Désélectionner',
  keys: ['Escape'],
  enabled: (ctx) => ctx.view().selection.length + ctx.view().linkSelection.length > 0,
  perform: (ctx) => {
    ctx.view().select([], 'actor');
    ctx.view().selectLinks([]);
  },
};

export const toggleOutline: ActorAction = {
  id: 'acteurs.vue-liste',
  label: 'Vue liste',
  enabled: hasSession,
  perform: (ctx) => ctx.view().setOutline(!ctx.view().outline),
};

export const fitView: ActorAction = {
  id: 'acteurs.tout-afficher',
  label: 'Tout afficher',
  enabled: (ctx) => !ctx.view().outline,
  perform: (ctx) => ctx.view().requestFit(),
};

export const actorScope: ActionScope<ActionContext> = {
  id: 'acteurs',
  label: 'Acteurs',
  active: (ctx) => ctx.view().tab === 'acteurs',
  actions: [addActor, addRelation, addNote, arrange, deleteSelection, copySelection, cutSelection, paste, deselect, toggleOutline, fitView],
};
