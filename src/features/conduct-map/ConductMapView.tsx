import { getNodesBounds, ReactFlowProvider, useStoreApi } from '@xyflow/react';
import { unionRects } from '../../canvas/zoom';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { setTimelineScale } from '../../domain/commands/conduct';
import { TIMELINE_SCALES, type TimelineScale } from '../../domain/enums';
import { findChronologyConflicts } from '../../domain/format/rules';
import { layoutConductMap, sameLayoutInputs } from '../../domain/layout/conduct';
import type { Session } from '../../domain/types';
import { TIMELINE_SCALE_LABELS } from '../../i18n/labels';
import { formatPartialDate } from '../../i18n/dates';
import { ConductCanvas, type FlowView } from '../../canvas/conduct/ConductCanvas';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { useSettledSelection } from '../../state/useSettledSelection';
import { Chronology } from './Chronology';
import { addLane, addNote, addStep, fitView, present, toggleOutline } from './actions';
import { AddLaneDialog, LanesPanel } from './Lanes';
import { ConductLegend } from './Legend';
import { StepEditor } from './StepEditor';
import { LinkDialog } from './LinkDialog';
import { LinkEditor } from './LinkEditor';
import { ConductOutline } from './Outline';
import { Presentation } from '../facilitation/Presentation';
import { objectKey } from '../../ui/objectKey';
import { useAfterFirstPaint } from '../../ui/useAfterFirstPaint';
import { stepsOfActor } from '../../domain/commands/actors';
import { filterNotes } from '../../domain/commands/notes';
import { noteIdOf } from '../../state/viewStore';
import { AddNoteDialog, NoteEditor, NotesFilter } from '../notes/NoteForm';
import { appContext } from '../../state/actionContext';
import { ActionButton } from '../../ui/ActionButton';
import { toggleMiniMap, togglePanels } from '../sessions/actions';
import { openGaps } from '../../domain/gaps';
import { placeGhosts } from '../../domain/layout/ghosts';
import { buildGhostNodes, ruleOfNode } from '../../canvas/conduct/ghosts';
import { GapPanel } from './GapPanel';
import { GhostsToggle } from './GhostsToggle';
const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
const today = () => new Date().toISOString().slice(0, 10);
const NO_STEPS: ReadonlySet<string> = new Set();
const closeDialog = () => useViewStore.getState().openDialog(null);

export function ConductMapView({ session }: { session: Session }) {
  return (
    <ReactFlowProvider>
      <ConductMapInner session={session} />
    </ReactFlowProvider>
  );
}

function ConductMapInner({ session }: { session: Session }) {
  const apply = useDocumentStore((s) => s.apply);
  // The side panels (the step's editor) follow the selection once a drag is over.
  const selection = useSettledSelection();
  const linkSelection = useViewStore((s) => s.linkSelection);
  const creating = useViewStore((s) => s.creatingStep);
  const dialog = useViewStore((s) => s.dialog);
  const outline = useViewStore((s) => s.outline);
  const fitRequests = useViewStore((s) => s.fitRequests);
  const panels = useViewStore((s) => s.panels);
  const miniMap = useViewStore((s) => s.miniMap);
  const focus = useViewStore((s) => s.focus);
  const noteRoles = useViewStore((s) => s.noteRoles);
  // The map's view, once React Flow is ready (see ConductCanvas's onReady). Not `useReactFlow()`,
  // which redraws this whole page when the view becomes ready, as the map opens.
  const flow = useRef<FlowView | null>(null);
  const panelsShown = useAfterFirstPaint();

  const { lanes, steps, timeline } = session;
  // The steps as last laid out, kept while an edit changes no date, lane or order (a title).
  const laidOut = useRef(steps);
  if (!sameLayoutInputs(laidOut.current, steps)) laidOut.current = steps;
  const layoutSteps = laidOut.current;
  const layout = useMemo(() => layoutConductMap({ lanes, steps: layoutSteps, timeline }, { today: today() }), [lanes, layoutSteps, timeline]);
  const conflicts = useMemo(() => {
    const map = new Map<string, string>();
    for (const c of findChronologyConflicts(layoutSteps)) {
      const earlier = layoutSteps[c.earlierIndex]!;
      map.set(layoutSteps[c.index]!.id, `Date antérieure à celle de l'étape ${c.earlierIndex + 1} (${formatPartialDate(earlier.date!)}) : vérifiez la date ou l'ordre.`);
    }
    return map;
  }, [layoutSteps]);

  // The missing steps not yet reviewed, drawn as ghosts where they should have been.
  const ghostsShown = useViewStore((s) => s.ghosts);
  const { actors, relations, gaps: reviews } = session;
  const gaps = useMemo(() => openGaps({ steps, actors, lanes, relations, gaps: reviews }), [steps, actors, lanes, relations, reviews]);
  const ghostSelection = useViewStore((s) => s.selection);
  const ghostNodes = useMemo(
    () => (ghostsShown ? buildGhostNodes(gaps, placeGhosts(layout, gaps), lanes, new Set(ghostSelection)) : []),
    [ghostsShown, gaps, layout, lanes, ghostSelection],
  );

  const notes = useMemo(() => filterNotes(session.notes, { map: 'conduite', roles: new Set(noteRoles) }), [session.notes, noteRoles]);
  // The steps of the actor chosen on the other map; the same empty set otherwise (choosing a step
  // or editing one then redraws no item of the chronology).
  const focusedActor = focus?.type === 'actor' ? focus.id : null;
  const highlighted = useMemo(() => (focusedActor ? new Set(stepsOfActor({ steps }, focusedActor)) : NO_STEPS), [focusedActor, steps]);

  const onFlowReady = useCallback((view: FlowView) => (flow.current = view), []);
  const focusStep = useCallback((id: string) => {
    useViewStore.getState().select([id], 'step');
    useViewStore.getState().requestView(id, 'center');
  }, []);

  // A step asked for (chosen in the chronology, by the room's keys, just added) is brought into
  // view once the layout has it: the edit that adds it may be drawn a little after the request.
  const viewRequest = useViewStore((s) => s.viewRequest);
  const rf = useStoreApi();
  const viewsDone = useRef(viewRequest?.n ?? 0);
  useEffect(() => {
    const box = viewRequest && layout.byId.get(viewRequest.id);
    const view = flow.current;
    if (!viewRequest || !box || !view || viewsDone.current === viewRequest.n) return;
    viewsDone.current = viewRequest.n;
    const duration = reducedMotion() ? 0 : 300;
    if (viewRequest.how === 'center') {
      // A straight slide: React Flow's default path zooms out and back in on the way.
      // Readable: near enough for every detail; larger still for the room's projector.
      const zoom = Math.max(view.getZoom(), useViewStore.getState().roomMode ? 1.2 : 0.8);
      void view.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom, duration, interpolate: 'linear' });
      return;
    }
    // Panned just enough, never zoomed: the step the user added is in view, the rest stays where it was.
    const { width, height } = rf.getState();
    const { x, y, zoom } = view.getViewport();
    const margin = 24;
    const shift = (start: number, size: number, offset: number, room: number) => {
      const from = start * zoom + offset;
      const to = from + size * zoom;
      return from < margin ? margin - from : to > room - margin ? Math.max(room - margin - to, margin - from) : 0;
    };
    const dx = shift(box.x, box.width, x, width);
    const dy = shift(box.y, box.height, y, height);
    if (dx || dy) void view.setViewport({ x: x + dx, y: y + dy, zoom }, { duration });
  }, [viewRequest, layout, rf]);

  // `Tout afficher`: the action asks, the map follows (the first value is the opening's own fit).
  const fitsDone = useRef(fitRequests);
  useEffect(() => {
    if (fitRequests === fitsDone.current) return;
    fitsDone.current = fitRequests;
    // The lanes and their labels are in view too, not only the steps.
    const { nodes } = rf.getState();
    const bounds = unionRects({ x: 0, y: 0, width: layout.width, height: layout.height }, getNodesBounds(nodes));
    void flow.current?.fitBounds(bounds, { padding: 0.03, duration: reducedMotion() ? 0 : 300 });
    // Only a new request fits the map; the layout is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitRequests]);

  const editedStep = selection.length === 1 ? steps.find((s) => s.id === selection[0]) : undefined;
  const selectedNoteId = selection.length === 1 ? noteIdOf(selection[0]!) : null;
  const editedNote = selectedNoteId ? session.notes.find((n) => n.id === selectedNoteId) : undefined;
  const selectedRule = selection.length === 1 ? ruleOfNode(selection[0]!) : null;
  const editedGap = selectedRule && ghostsShown ? gaps.find((g) => g.rule === selectedRule) : undefined;
  const editedLink = linkSelection.length === 1 && selection.length === 0 ? session.links.find((l) => l.id === linkSelection[0]) : undefined;
  const numberOf = (id: string) => layout.byId.get(id)?.number;

  return (
    <div className="map-view">
      <div className="map-toolbar" role="toolbar" aria-label="Conduite de projet">
        <ActionButton action={addStep} ctx={appContext} className="primary" />
        <ActionButton action={addLane} ctx={appContext} />
        <label className="inline-label">
          <span className="visually-hidden">Échelle</span>
          <select
            title="Échelle du temps"
            value={timeline.scale}
            onChange={(e) => apply((s) => setTimelineScale(s, e.target.value as TimelineScale))}
          >
            {TIMELINE_SCALES.map((s) => <option key={s} value={s}>{TIMELINE_SCALE_LABELS[s]}</option>)}
          </select>
        </label>
        <ActionButton action={addNote} ctx={appContext} />
        <ActionButton action={present} ctx={appContext} />
        <ActionButton action={toggleOutline} ctx={appContext} pressed={outline} />
        <ActionButton action={fitView} ctx={appContext} />
        <ActionButton action={toggleMiniMap} ctx={appContext} pressed={miniMap} />
        <ActionButton action={togglePanels} ctx={appContext} pressed={panels} />
        <NotesFilter />
        <GhostsToggle count={gaps.length} />
      </div>
      <div className="map-body">
        {outline ? (
          <ConductOutline session={session} />
        ) : (
          <ConductCanvas session={session} layout={layout} conflicts={conflicts} highlighted={highlighted} notes={notes} onReady={onFlowReady} ghosts={ghostNodes} />
        )}
        {/* Panels closed, an editor still opens beside the map. */}
        {(panels || creating || editedStep || editedNote || editedLink || editedGap) && <aside id="panneaux-conduite" className="map-aside" tabIndex={0} aria-label="Panneaux de la conduite de projet">
          {creating && <StepEditor key="new" session={session} onClose={() => useViewStore.getState().setCreatingStep(false)} />}
          {!creating && editedStep && (
            <StepEditor
              key={editedStep.id}
              session={session}
              step={editedStep}
              number={numberOf(editedStep.id)}
              onClose={() => useViewStore.getState().select([])}
            />
          )}
          {!creating && editedGap && <GapPanel key={editedGap.rule} session={session} gap={editedGap} />}
          {!creating && editedNote && <NoteEditor key={objectKey(editedNote)} session={session} note={editedNote} />}
          {!creating && !editedStep && editedLink && <LinkEditor key={objectKey(editedLink)} link={editedLink} from={numberOf(editedLink.from)} to={numberOf(editedLink.to)} />}
          {panels && panelsShown && (
            <>
              <Chronology steps={steps} selection={selection} conflicts={conflicts} highlighted={highlighted} onFocusStep={focusStep} />
              <LanesPanel session={session} />
              <ConductLegend steps={steps} />
            </>
          )}
        </aside>}
      </div>
      {dialog?.kind === 'link' && <LinkDialog session={session} fromId={dialog.from} onClose={closeDialog} />}
      {dialog?.kind === 'presentation' && <Presentation session={session} onClose={closeDialog} />}
      {dialog?.kind === 'lane' && <AddLaneDialog session={session} onClose={closeDialog} />}
      {dialog?.kind === 'note' && (
        <AddNoteDialog
          session={session}
          map="conduite"
          target={editedStep ? { type: 'step', id: editedStep.id } : undefined}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}
