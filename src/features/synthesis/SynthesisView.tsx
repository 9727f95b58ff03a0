import { useMemo, useRef, useState } from 'react';
import { addNote, notesByRole } from '../../domain/commands/notes';
import { AUTHOR_ROLES, NOTE_KINDS, type AuthorRole } from '../../domain/enums';
import { newId } from '../../domain/ids';
import { synthesize, type Indicator } from './sentences';
import type { Session } from '../../domain/types';
import { AUTHOR_ROLE_LABELS, NOTE_KIND_LABELS } from '../../i18n/labels';
import { AUTHOR_ROLE_VISUALS } from '../../i18n/visuals';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import { Modal } from '../../ui/Modal';
import { GUIDING_QUESTIONS } from './questions';
import { ViewpointsSummary } from '../viewpoints/ViewpointsSummary';
import { ActionPlanSection } from './ActionPlanSection';
import { LivedSection } from './LivedSection';
import { StepChips } from './StepChips';
import { PngExportButton } from '../export/PngExportButton';

function IndicatorLine({ title, indicator, session }: { title: string; indicator: Indicator; session: Session }) {
  return (
    <li className="indicator">
      <h3>{title}</h3>
      <p>{indicator.text}</p>
      <StepChips session={session} steps={indicator.steps} />
      <p className="hint">{indicator.explanation}</p>
    </li>
  );
}

/** The Synthèse tab: what the maps show, the notes side by side, and the guiding questions. */
export function SynthesisView({ session }: { session: Session }) {
  const s = useMemo(() => synthesize(session), [session]);
  const byRole = useMemo(() => notesByRole(session.notes), [session.notes]);
  // The three roles of the trinôme and the facilitator always; other authors when they wrote something.
  const roles: AuthorRole[] = ['direction', 'representant-salaries', 'dsi', 'animation', ...(byRole.autre.length > 0 ? (['autre'] as const) : [])];
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div className="synthesis" ref={ref}>
      <PngExportButton label="Enregistrer la synthèse en PNG" target={() => ref.current} title={session.title} what="synthèse" />
      <section aria-labelledby="synthesis-heading" className="panel">
        <h2 id="synthesis-heading">Ce que montre la cartographie</h2>
        <ul className="indicators">
          <IndicatorLine title="Place des utilisateur·rices" indicator={s.users} session={session} />
          <IndicatorLine title="Étapes attestées par des documents" indicator={s.documents} session={session} />
          <IndicatorLine title="Représentant·es du personnel (CSE, IRP)" indicator={s.staffRepresentatives} session={session} />
          <IndicatorLine title="Évaluation, retour d'expérience" indicator={s.evaluation} session={session} />
          <IndicatorLine title="Après la dernière formation" indicator={s.afterTraining} session={session} />
          <li className="indicator">
            <h3>Acteurs jamais associés</h3>
            <p>{s.uninvolvedActors.text}</p>
            <p className="hint">{s.uninvolvedActors.explanation}</p>
          </li>
        </ul>
      </section>

      <LivedSection session={session} />

      <ActionPlanSection session={session} />

      <section aria-labelledby="notes-heading" className="panel">
        <h2 id="notes-heading">Les notes, point de vue par point de vue</h2>
        <div className="note-columns">
          {roles.map((role) => (
            <div key={role} className="note-column" style={{ borderTopColor: AUTHOR_ROLE_VISUALS[role].border }}>
              <h3>{AUTHOR_ROLE_LABELS[role]}</h3>
              {byRole[role].length === 0 && <p className="hint">Aucune note.</p>}
              {NOTE_KINDS.map((kind) => {
                const notes = byRole[role].filter((n) => n.kind === kind);
                if (notes.length === 0) return null;
                return (
                  <div key={kind}>
                    <h4>{NOTE_KIND_LABELS[kind]}</h4>
                    <ul>
                      {notes.map((n) => (
                        <li key={n.id} style={{ background: AUTHOR_ROLE_VISUALS[role].color }}>{n.text}</li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      </section>

      <ViewpointsSummary session={session} />

      <QuestionsPanel />
    </div>
  );
}

function QuestionsPanel() {
  const [shown, setShown] = useState<{ theme: string; question: string } | null>(null);
  return (
    <section aria-labelledby="questions-heading" className="panel">
      <h2 id="questions-heading">Questions</h2>
      {GUIDING_QUESTIONS.map((group) => (
        <details key={group.theme} className="question-group">
          <summary>{group.theme}</summary>
          <ul>
            {group.questions.map((q) => (
              <li key={q}>
                {q}{' '}
                <button type="button" onClick={() => setShown({ theme: group.theme, question: q })}>
                  Afficher<span className="visually-hidden"> la question « {q} »</span>
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
      {shown && <QuestionOnScreen shown={shown} onClose={() => setShown(null)} />}
    </section>
  );
}

function QuestionOnScreen({ shown, onClose }: { shown: { theme: string; question: string }; onClose: () => void }) {
  const apply = useDocumentStore((s) => s.apply);
  const [answer, setAnswer] = useState('');
  const [role, setRole] = useState<AuthorRole>('animation');
  return (
    <Modal title={shown.theme} onClose={onClose}>
      <p className="question-large">{shown.question}</p>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const text = answer.trim();
          if (!text) return;
          apply((s) => addNote(s, { id: newId('note'), text: `${shown.question} — ${text}`.slice(0, 5000), authorRole: role, kind: 'constat', map: 'conduite' }));
          useViewStore.getState().announce('Réponse enregistrée comme note.');
          setAnswer('');
        }}
      >
        <label htmlFor="question-answer">Réponse (devient une note)</label>
        <textarea id="question-answer" rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} />
        <label htmlFor="question-role">Qui répond</label>
        <select id="question-role" value={role} onChange={(e) => setRole(e.target.value as AuthorRole)}>
          {AUTHOR_ROLES.map((r) => <option key={r} value={r}>{AUTHOR_ROLE_LABELS[r]}</option>)}
        </select>
        <div className="actions">
          <button type="button" onClick={onClose}>Fermer</button>
          <button type="submit" className="primary">Enregistrer la réponse</button>
        </div>
      </form>
    </Modal>
  );
}
