import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { actorsOfStep, participationMatrix } from '../../domain/commands/actors';
import { filterNotes } from '../../domain/commands/notes';
import type { Session } from '../../domain/types';
import { ActorCanvas } from '../../canvas/actors/ActorCanvas';
import { appContext } from '../../state/actionContext';
import { noteIdOf, useViewStore } from '../../state/viewStore';
import { useSettledSelection } from '../../state/useSettledSelection';
import { AddNoteDialog, NoteEditor, NotesFilter } from '../notes/NoteForm';
import { ActorEditor, AddActorDialog, ConfirmDeleteActors, RelationDialog, RelationEditor } from './ActorDialogs';
import { addActor, addNote, addRelation, arrange, deleteActorsAndMore, fitView, toggleOutline } from './actions';
import { ActionButton } from '../../ui/ActionButton';
import { toggleMiniMap, togglePanels } from '../sessions/actions';
import { ActorLegend } from './Legend';
import { ParticipationMatrix } from './ParticipationMatrix';
import { ActorOutline } from './Outline';
import { objectKey } from '../../ui/objectKey';

const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const closeDialog = () => useViewStore.getState().openDialog(null);

export function ActorMapView({ session }: { session: Session }) {
  return (
    <ReactFlowProvider>
      <ActorMapInner session={session} />
    </ReactFlowProvider>
  );
}

function ActorMapInner({ session }: { session: Session }) {
  // The side panels (the actor's editor) follow the selection once a drag is over.
  const selection = useSettledSelection();
  const linkSelection = useViewStore((s) => s.linkSelection);
  const focus = useViewStore((s) => s.focus);
  const noteRoles = useViewStore((s) => s.noteRoles);
  const dialog = useViewStore((s) => s.dialog);
  const arranging = useViewStore((s) => s.arranging);
  const outline = useViewStore((s) => s.outline);
  const fitRequests = useViewStore((s) => s.fitRequests);
  const panels = useViewStore((s) => s.panels);
  const miniMap = useViewStore((s) => s.miniMap);
  // A large matrix is only drawn when asked for: opening the tab stays fast.
  const [matrixOpen, setMatrixOpen] = useState(() => session.actors.length * session.steps.length <= 2000);
  const flow = useReactFlow();

  const notes = useMemo(() => filterNotes(session.notes, { map: 'acteurs', roles: new Set(noteRoles) }), [session.notes, noteRoles]);
  const uninvolved = useMemo(() => participationMatrix(session).uninvolved, [session]);
  const highlighted = useMemo(() => new Set(focus?.type === 'step' ? actorsOfStep(session, focus.id) : []), [focus, session]);

  const onConnect = useCallback((from: string, to: string) => useViewStore.getState().openDialog({ kind: 'relation', from, to }), []);

  // `Tout afficher` and the end of `Ranger par catégorie`: the action asks, the map follows.
  const fitsDone = useRef(fitRequests);
  useEffect(() => {
    if (fitRequests === fitsDone.current) return;
    fitsDone.current = fitRequests;
    requestAnimationFrame(() => void flow.fitView({ padding: 0.1, duration: reducedMotion() ? 0 : 300 }));
  }, [fitRequests, flow]);

  const single = selection.length === 1 ? selection[0]! : null;
  const noteId = single ? noteIdOf(single) : null;
  const editedNote = noteId ? session.notes.find((n) => n.id === noteId) : undefined;
  const editedActor = single && !noteId ? session.actors.find((a) => a.id === single) : undefined;
  const editedRelation = !single && linkSelection.length === 1 ? session.relations.find((r) => r.id === linkSelection[0]) : undefined;

  return (
    <div className="map-view">
      <div className="map-toolbar" role="toolbar" aria-label="Acteurs">
        <ActionButton action={addActor} ctx={appContext} className="primary" />
        <ActionButton action={addRelation} ctx={appContext} />
        <ActionButton action={addNote} ctx={appContext} />
        <ActionButton action={arrange} ctx={appContext}>{arranging ? 'Rangement…' : undefined}</ActionButton>
        <ActionButton action={fitView} ctx={appContext} />
        <ActionButton action={toggleOutline} ctx={appContext} pressed={outline} />
        <ActionButton action={toggleMiniMap} ctx={appContext} pressed={miniMap} />
        <ActionButton action={togglePanels} ctx={appContext} pressed={panels} />
        <NotesFilter />
      </div>
      <div className="map-body">
        {outline ? (
          <ActorOutline session={session} />
        ) : (
          <ActorCanvas session={session} notes={notes} highlighted={highlighted} uninvolved={uninvolved} onConnect={onConnect} />
        )}
        {(panels || editedActor || editedNote || editedRelation) && <aside id="panneaux-acteurs" className="map-aside" tabIndex={0} aria-label="Panneaux des acteurs">
          {editedActor && <ActorEditor key={objectKey(editedActor)} session={session} actor={editedActor} />}
          {editedNote && <NoteEditor key={objectKey(editedNote)} session={session} note={editedNote} />}
          {editedRelation && <RelationEditor key={objectKey(editedRelation)} session={session} relation={editedRelation} />}
          {panels && <ActorLegend session={session} notes={notes} />}
        </aside>}
      </div>
      <details
        className="matrix-panel"
        open={matrixOpen}
        onToggle={(e) => setMatrixOpen((e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>Participation des acteurs aux étapes</summary>
        {matrixOpen && <ParticipationMatrix session={session} />}
      </details>
      {dialog?.kind === 'actor' && <AddActorDialog session={session} onClose={closeDialog} />}
      {dialog?.kind === 'delete-actors' && (
        <ConfirmDeleteActors
          session={session}
          actorIds={dialog.actorIds}
          onClose={closeDialog}
          onConfirm={() => {
            deleteActorsAndMore(appContext, dialog.actorIds, dialog.relationIds, dialog.noteIds);
            closeDialog();
          }}
        />
      )}
      {dialog?.kind === 'relation' && <RelationDialog session={session} from={dialog.from} to={dialog.to} onClose={closeDialog} />}
      {dialog?.kind === 'note' && (
        <AddNoteDialog
          session={session}
          map="acteurs"
          target={editedActor ? { type: 'actor', id: editedActor.id } : undefined}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}
