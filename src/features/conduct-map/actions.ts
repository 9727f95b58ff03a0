/** The conduct map's actions: its toolbar, its keys and its part of the shortcuts panel. */
import {
  copySteps, deleteLinks, deleteSteps, moveStepBy, parseStepClipboard, pasteSteps, serializeStepClipboard,
} from '../../domain/commands/conduct';
import { deleteNotes } from '../../domain/commands/notes';
import { newId } from '../../domain/ids';
import type { ActionContext } from '../../state/actionContext';
import { noteIdOf } from '../../state/viewStore';
import type { Action, ActionScope } from '../../ui/actions';

type ConductAction = Action<ActionContext>;

const hasSession = (ctx: ActionContext) => ctx.session() !== null;

/** The one selected step's id, or null. */
function selectedStep(ctx: ActionContext): string | null {
  const { selection } = ctx.view();
  const session = ctx.session();
  if (!session || selection.length !== 1) return null;
  return session.steps.some((s) => s.id === selection[0]) ? selection[0]! : null;
}

function selected(ctx: ActionContext) {
  const session = ctx.session();
  const { selection, linkSelection } = ctx.view();
  if (!session) return { stepIds: [], linkIds: [], noteIds: [] };
  const stepIds = new Set(session.steps.map((s) => s.id));
  const linkIds = new Set(session.links.map((l) => l.id));
  return {
    stepIds: selection.filter((id) => stepIds.has(id)),
    linkIds: linkSelection.filter((id) => linkIds.has(id)),
    noteIds: selection.map(noteIdOf).filter((id): id is string => id !== null),
  };
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

export const addStep: ConductAction = {
  id: 'conduite.ajouter-etape',
  label: 'Ajouter une étape',
  keys: ['N'],
  enabled: hasSession,
  perform: (ctx) => ctx.view().setCreatingStep(true),
};

export const addLane: ConductAction = {
  id: 'conduite.ajouter-couloir',
  label: 'Ajouter un couloir',
  enabled: hasSession,
  perform: (ctx) => ctx.view().openDialog({ kind: 'lane' }),
};

export const addNote: ConductAction = {
  id: 'conduite.ajouter-note',
  label: 'Ajouter une note',
  enabled: hasSession,
  perform: (ctx) => ctx.view().openDialog({ kind: 'note' }),
};

export const linkStep: ConductAction = {
  id: 'conduite.relier',
  label: "Relier l'étape sélectionnée à une autre (lien)",
  keys: ['L'],
  enabled: (ctx) => selectedStep(ctx) !== null,
  perform: (ctx) => {
    const from = selectedStep(ctx);
    if (from) ctx.view().openDialog({ kind: 'link', from });
  },
};

export const deleteSelection: ConductAction = {
  id: 'conduite.supprimer',
  label: 'Supprimer la sélection (étapes, liens, notes)',
  keys: ['Delete', 'Backspace'],
  enabled: (ctx) => {
    const s = selected(ctx);
    return s.stepIds.length + s.linkIds.length + s.noteIds.length > 0;
  },
  perform: (ctx) => {
    const { stepIds, linkIds, noteIds } = selected(ctx);
    if (stepIds.length + linkIds.length + noteIds.length === 0) return;
    ctx.apply((s) => deleteNotes(deleteLinks(deleteSteps(s, stepIds), linkIds), noteIds));
    ctx.view().select([]);
    ctx.view().selectLinks([]);
    const parts = [];
    if (stepIds.length) parts.push(count(stepIds.length, 'étape supprimée', 'étapes supprimées'));
    if (linkIds.length) parts.push(count(linkIds.length, 'lien supprimé', 'liens supprimés'));
    if (noteIds.length) parts.push(count(noteIds.length, 'note supprimée', 'notes supprimées'));
    ctx.announce(`${parts.join(', ')} (Ctrl+Z pour annuler).`);
  },
};

async function copy(ctx: ActionContext, cut: boolean) {
  const session = ctx.session();
  if (!session) return;
  const clip = copySteps(session, ctx.view().selection);
  if (!clip) return;
  ctx.clipboard.tab.steps = clip;
  await ctx.clipboard.write(serializeStepClipboard(clip));
  if (cut) {
    ctx.apply((s) => deleteSteps(s, clip.steps.map((st) => st.id)));
    ctx.view().select([]);
  }
  const n = clip.steps.length;
  ctx.announce(`${n} étape${n > 1 ? 's' : ''} ${cut ? 'coupée' : 'copiée'}${n > 1 ? 's' : ''}.`);
}

const hasSelectedSteps = (ctx: ActionContext) => selected(ctx).stepIds.length > 0;

export const copySelection: ConductAction = {
  id: 'conduite.copier',
  label: 'Copier les étapes sélectionnées (aussi vers un autre atelier)',
  keys: ['Mod+C'],
  enabled: hasSelectedSteps,
  perform: (ctx) => copy(ctx, false),
};

export const cutSelection: ConductAction = {
  id: 'conduite.couper',
  label: 'Couper les étapes sélectionnées',
  keys: ['Mod+X'],
  enabled: hasSelectedSteps,
  perform: (ctx) => copy(ctx, true),
};

export const paste: ConductAction = {
  id: 'conduite.coller',
  label: 'Coller des étapes copiées',
  keys: ['Mod+V'],
  enabled: hasSession,
  perform: async (ctx) => {
    const text = await ctx.clipboard.read();
    const clip = (text ? parseStepClipboard(text) : null) ?? ctx.clipboard.tab.steps;
    if (!clip) {
      ctx.announce("Rien à coller : copiez d'abord une ou plusieurs étapes.");
      return;
    }
    let pasted: string[] = [];
    ctx.apply((s) => {
      const result = pasteSteps(s, clip, () => newId('etape'));
      pasted = result.pastedIds;
      return result.session;
    });
    ctx.view().select(pasted);
    ctx.announce(`${pasted.length} étape${pasted.length > 1 ? 's' : ''} collée${pasted.length > 1 ? 's' : ''}.`);
  },
};

function moveBy(delta: -1 | 1): ConductAction['perform'] {
  return (ctx) => {
    const id = selectedStep(ctx);
    const before = ctx.session()?.steps.findIndex((s) => s.id === id) ?? -1;
    if (!id || before < 0) return;
    ctx.apply((s) => moveStepBy(s, id, delta));
    const after = ctx.session()?.steps.findIndex((s) => s.id === id) ?? before;
    if (after !== before) ctx.announce(`Étape déplacée : elle porte maintenant le numéro ${after + 1}.`);
  };
}

export const moveEarlier: ConductAction = {
  id: 'conduite.avancer',
  label: "Avancer l'étape sélectionnée dans la chronologie",
  keys: ['Alt+ArrowUp'],
  enabled: (ctx) => selectedStep(ctx) !== null,
  perform: moveBy(-1),
};

export const moveLater: ConductAction = {
  id: 'conduite.reculer',
  label: "Reculer l'étape sélectionnée dans la chronologie",
  keys: ['Alt+ArrowDown'],
  enabled: (ctx) => selectedStep(ctx) !== null,
  perform: moveBy(1),
};

export const deselect: ConductAction = {
  id: 'conduite.deselectionner',
  label: 'Désélectionner',
  keys: ['Escape'],
  enabled: (ctx) => ctx.view().selection.length + ctx.view().linkSelection.length > 0,
  perform: (ctx) => {
    ctx.view().select([]);
    ctx.view().selectLinks([]);
  },
};

export const present: ConductAction = {
  id: 'conduite.presentation',
  label: 'Présentation',
  enabled: (ctx) => (ctx.session()?.steps.length ?? 0) > 0,
  perform: (ctx) => ctx.view().openDialog({ kind: 'presentation' }),
};

export const toggleOutline: ConductAction = {
  id: 'conduite.vue-liste',
  label: 'Vue liste',
  enabled: hasSession,
  perform: (ctx) => ctx.view().setOutline(!ctx.view().outline),
};

export const fitView: ConductAction = {
  id: 'conduite.tout-afficher',
  label: 'Tout afficher',
  enabled: (ctx) => !ctx.view().outline,
  perform: (ctx) => ctx.view().requestFit(),
};

/** Shows or hides the missing steps (a checkbox in the toolbar). */
export const toggleGhosts: ConductAction = {
  id: 'conduite.etapes-manquantes',
  label: 'Étapes manquantes',
  enabled: hasSession,
  perform: (ctx) => {
    const shown = !ctx.view().ghosts;
    ctx.view().setDisplay({ ghosts: shown });
    if (!shown) ctx.view().select(ctx.view().selection.filter((id) => !id.startsWith('gap:')));
  },
};

export const conductScope: ActionScope<ActionContext> = {
  id: 'conduite',
  label: 'Conduite de projet',
  active: (ctx) => ctx.view().tab === 'conduite',
  actions: [addStep, addLane, addNote, linkStep, deleteSelection, copySelection, cutSelection, paste, moveEarlier, moveLater, deselect, present, toggleOutline, fitView, toggleGhosts],
};
