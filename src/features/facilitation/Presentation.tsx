import { useEffect, useMemo, useRef, useState } from 'react';
import { notesOf } from '../../domain/commands/notes';
import { layoutConductMap } from '../../domain/layout/conduct';
import { renderConductSvg, stepDate } from '../../render/conductSvg';
import type { Session } from '../../domain/types';
import { AUTHOR_ROLE_LABELS, NOTE_KIND_LABELS, PARTICIPATION_LABELS, STEP_KIND_LABELS } from '../../i18n/labels';
import { AUTHOR_ROLE_VISUALS } from '../../i18n/visuals';
import { conductInput } from '../../canvas/routing/inputs';
import { useRoutes } from '../../canvas/routing/routes';

/**
 * Full-screen replay of the conduct map, step by step: each step appears with its participants
 * and its notes; the last view is the whole map. Arrows, Espace, Début/Fin; Échap leaves.
 */
export function Presentation({ session, onClose }: { session: Session; onClose: () => void }) {
  const total = session.steps.length;
  const [shown, setShown] = useState(Math.min(1, total));
  const ref = useRef<HTMLDivElement>(null);
  const today = new Date().toISOString().slice(0, 10);
  const layout = useMemo(() => layoutConductMap(session, { today }), [session, today]);
  // The whole map's routes (around every step, those still to come included): each link shown
  // takes its route, once the routing worker has it (curves until then).
  const routes = useRoutes(useMemo(() => conductInput(layout, session.links), [layout, session.links]));

  const url = useMemo(() => {
    const visible = new Set(session.steps.slice(0, shown).map((s) => s.id));
    const partial: Session = {
      ...session,
      steps: session.steps.slice(0, shown),
      links: session.links.filter((l) => visible.has(l.from) && visible.has(l.to)),
    };
    // The step being presented is ringed and the lanes of its participants are tinted; at the end, the whole map.
    const current = shown < total ? session.steps[shown - 1]?.id : undefined;
    // Its notes are told beside the map, step by step, not on it.
    const { svg } = renderConductSvg(partial, { layout, notes: [], routes, ...(current ? { current } : {}) });
    return URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  }, [session, shown, total, layout, routes]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);

  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    ref.current?.focus();
    const el = ref.current;
    // Échap first leaves the browser's full screen (the page never sees that key): leaving full
    // screen, by any means, leaves the replay too.
    let entered = false;
    const onFullscreenChange = () => {
      if (document.fullscreenElement === el) entered = true;
      else if (entered) closeRef.current();
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    if (el?.requestFullscreen) {
      void el.requestFullscreen().then(() => {
        entered = document.fullscreenElement === el;
      }, () => undefined);
    }
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  const onKey = (e: React.KeyboardEvent) => {
    const next = { ArrowRight: shown + 1, ArrowDown: shown + 1, ' ': shown + 1, PageDown: shown + 1, ArrowLeft: shown - 1, ArrowUp: shown - 1, PageUp: shown - 1, Home: 0, End: total }[e.key];
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (next !== undefined) {
      e.preventDefault();
      setShown(Math.max(0, Math.min(total, next)));
    }
  };

  const step = shown > 0 && shown <= total ? session.steps[shown - 1] : undefined;
  const done = shown === total;
  const actorName = (id: string) => session.actors.find((a) => a.id === id)?.name ?? id;
  const lane = step ? session.lanes.find((l) => l.id === step.laneId) : undefined;

  return (
    <div ref={ref} className="presentation" role="dialog" aria-modal="true" aria-label="Présentation pas à pas" tabIndex={-1} onKeyDown={onKey}>
      <div className="presentation-map">
        <img src={url} alt={`Cartographie de la conduite de projet, étapes 1 à ${shown}`} />
      </div>
      <aside className="presentation-side" aria-live="polite">
        <p className="presentation-progress">{done ? `Carte complète : ${total} étapes` : `Étape ${shown} sur ${total}`}</p>
        {step && (
          <>
            <h2>
              Étape {shown} : {step.title}
            </h2>
            <p className="hint">
              {[stepDate(step), lane?.label, STEP_KIND_LABELS[step.kind]].filter(Boolean).join(' · ')}
            </p>
            {step.description && <p>{step.description}</p>}
            <h3>Participants</h3>
            {step.participants.length === 0 ? (
              <p className="hint">Aucun participant indiqué.</p>
            ) : (
              <ul>
                {step.participants.map((p) => <li key={p.actorId}>{actorName(p.actorId)} — {PARTICIPATION_LABELS[p.role]}</li>)}
              </ul>
            )}
            {notesOf(session, { type: 'step', id: step.id }).map((n) => (
              <p key={n.id} className="presentation-note" style={{ background: AUTHOR_ROLE_VISUALS[n.authorRole].color, borderColor: AUTHOR_ROLE_VISUALS[n.authorRole].border }}>
                <strong>{AUTHOR_ROLE_LABELS[n.authorRole]} · {NOTE_KIND_LABELS[n.kind]} :</strong> {n.text}
              </p>
            ))}
          </>
        )}
        <div className="actions">
          <button type="button" onClick={() => setShown((n) => Math.max(0, n - 1))} disabled={shown === 0}>Précédente</button>
          <button type="button" onClick={() => setShown((n) => Math.min(total, n + 1))} disabled={done}>Suivante</button>
          <button type="button" onClick={onClose}>Quitter (Échap)</button>
        </div>
      </aside>
    </div>
  );
}
