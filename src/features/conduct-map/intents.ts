/**
 * The user intents of the conduct map. Each is one command (one undo step), shared by the
 * toolbar, the menus and the keyboard shortcuts.
 */
import {
  copySteps, deleteLinks, deleteSteps, moveStepBy, parseStepClipboard, pasteSteps, serializeStepClipboard,
  type StepClipboard,
} from '../../domain/commands/conduct';
import { newId } from '../../domain/ids';
import { useDocumentStore } from '../../state/documentStore';
import { noteIdOf, useViewStore } from '../../state/viewStore';
import { deleteNotes } from '../../domain/commands/notes';

const doc = () => useDocumentStore.getState();
const view = () => useViewStore.getState();

/** The clipboard of this tab; the system clipboard carries it to other tabs and sessions. */
let tabClipboard: StepClipboard | null = null;

export function deleteSelection(): void {
  const session = doc().session;
  if (!session) return;
  const { selection, linkSelection } = view();
  const stepIds = selection.filter((id) => session.steps.some((s) => s.id === id));
  const linkIds = linkSelection.filter((id) => session.links.some((l) => l.id === id));
  const noteIds = selection.map(noteIdOf).filter((id): id is string => id !== null);
  if (stepIds.length === 0 && linkIds.length === 0 && noteIds.length === 0) return;
  doc().apply((s) => deleteNotes(deleteLinks(deleteSteps(s, stepIds), linkIds), noteIds));
  view().select([]);
  view().selectLinks([]);
  const parts = [];
  if (stepIds.length) parts.push(stepIds.length === 1 ? '1 étape supprimée' : `${stepIds.length} étapes supprimées`);
  if (linkIds.length) parts.push(linkIds.length === 1 ? '1 lien supprimé' : `${linkIds.length} liens supprimés`);
  if (noteIds.length) parts.push(noteIds.length === 1 ? '1 note supprimée' : `${noteIds.length} notes supprimées`);
  view().announce(`${parts.join(', ')} (Ctrl+Z pour annuler).`);
}

export function moveSelectedBy(delta: -1 | 1): void {
  const session = doc().session;
  const [id] = view().selection;
  if (!session || !id || view().selection.length !== 1) return;
  const before = session.steps.findIndex((s) => s.id === id);
  if (before < 0) return;
  doc().apply((s) => moveStepBy(s, id, delta));
  const after = doc().session?.steps.findIndex((s) => s.id === id) ?? before;
  if (after !== before) view().announce(`Étape déplacée : elle porte maintenant le numéro ${after + 1}.`);
}

export async function copySelection(cut = false): Promise<void> {
  const session = doc().session;
  if (!session) return;
  const clip = copySteps(session, view().selection);
  if (!clip) return;
  tabClipboard = clip;
  try {
    await navigator.clipboard?.writeText(serializeStepClipboard(clip));
  } catch {
    // The tab clipboard is enough within this tab.
  }
  if (cut) {
    doc().apply((s) => deleteSteps(s, clip.steps.map((st) => st.id)));
    view().select([]);
  }
  const n = clip.steps.length;
  view().announce(`${n} étape${n > 1 ? 's' : ''} ${cut ? 'coupée' : 'copiée'}${n > 1 ? 's' : ''}.`);
}

export async function paste(): Promise<void> {
  if (!doc().session) return;
  let clip = tabClipboard;
  try {
    const text = await navigator.clipboard?.readText();
    const fromSystem = text ? parseStepClipboard(text) : null;
    if (fromSystem) clip = fromSystem;
  } catch {
    // No permission to read the system clipboard: use this tab's.
  }
  if (!clip) {
    view().announce("Rien à coller : copiez d'abord une ou plusieurs étapes.");
    return;
  }
  let pasted: string[] = [];
  const c = clip;
  doc().apply((s) => {
    const result = pasteSteps(s, c, () => newId('etape'));
    pasted = result.pastedIds;
    return result.session;
  });
  view().select(pasted);
  view().announce(`${pasted.length} étape${pasted.length > 1 ? 's' : ''} collée${pasted.length > 1 ? 's' : ''}.`);
}
