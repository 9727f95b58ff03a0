import { useEffect, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { normalizeDate } from '../../domain/commands/stepInput';
import {
  addInstitutionalEvent, deleteInstitutionalEvent, setInstitutionalEvents, updateInstitutionalEvent,
} from '../../domain/commands/institutional';
import { isPartialDate, isRealDate } from '../../domain/dates';
import { INSTITUTIONAL_EVENT_KINDS, type InstitutionalEventKind } from '../../domain/enums';
import { newId } from '../../domain/ids';
import { groupByEstablishment, stackPeriods, type MergedEvent } from '../../domain/stack';
import type { InstitutionalEvent, Session } from '../../domain/types';
import { formatPartialDate } from '../../i18n/dates';
import { INSTITUTIONAL_EVENT_KIND_LABELS, periodLabel } from '../../i18n/stack';
import { renderStackSvg, stackSummary } from '../../render/stackSvg';
import { loadSession, storageErrorMessage, updateStoredSession, type SessionSummary } from '../../state/sessionsLibrary';
import { downloadBlob } from '../../ui/download';
import { Modal } from '../../ui/Modal';
import { stackFileName, stackPngBlob, stackSvgBlob } from './exportStack';
import './stack.css';

/** The drawing's width on screen: at 1280 × 720 the dialog shows it near its natural size. */
const VIEW_WIDTH = 1200;

/** What one change did, session by session, so that it can be undone. */
type Change = { sessionId: string; before: InstitutionalEvent[] | undefined }[];

interface Draft {
  title: string;
  date: string;
  kind: InstitutionalEventKind;
  holder: string;
}

const emptyDraft = (holder: string): Draft => ({ title: '', date: '', kind: 'appel-a-projets', holder });

function draftProblems(d: Draft): { title?: string; date?: string } {
  const out: { title?: string; date?: string } = {};
  const title = d.title.trim();
  if (!title) out.title = "L'intitulé de l'événement est obligatoire.";
  else if ([...title].length > 200) out.title = "L'intitulé de l'événement est trop long : 200 caractères au plus.";
  const date = normalizeDate(d.date);
  if (!d.date.trim()) out.date = "La date de l'événement est obligatoire : une année, un mois ou un jour (2022, 2022-04 ou 2022-04-15).";
  else if (!isPartialDate(date)) out.date = "Date de l'événement invalide : attendu une année, un mois ou un jour (2022, 2022-04, 2022-04-15 ou 04/2022).";
  else if (!isRealDate(date)) out.date = `Le jour « ${d.date.trim()} » n'existe pas.`;
  return out;
}

/**
 * Empilement: one establishment's sessions on one time axis, its institutional events in their
 * lane (added, edited and removed here, each stored in the session chosen to hold it), exported
 * as PNG or SVG, with a table of what is piled when as its text alternative.
 */
export function StackDialog({ rows, onClose }: { rows: readonly SessionSummary[]; onClose: () => void }) {
  const groups = useMemo(() => groupByEstablishment(rows), [rows]);
  const [groupKey, setGroupKey] = useState(() => groups[0]?.key ?? '');
  const group = groups.find((g) => g.key === groupKey) ?? groups[0];
  const idsKey = group?.sessionIds.join(' ') ?? '';
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [history, setHistory] = useState<Change[]>([]);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(group?.sessionIds[0] ?? ''));
  const [errors, setErrors] = useState<{ title?: string; date?: string }>({});
  const [editing, setEditing] = useState<MergedEvent | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const ids = idsKey ? idsKey.split(' ') : [];
    setSessions(null);
    void Promise.all(ids.map((id) => loadSession(id))).then((results) => {
      if (!live) return;
      setSessions(results.flatMap((r) => (r.ok ? [r.value] : [])));
      const damaged = results.flatMap((r, i) => (r.ok ? [] : [`« ${rows.find((x) => x.id === ids[i])?.title ?? ids[i]} » : ${r.errors[0]!.message}`]));
      setProblem(damaged.length ? `Ces ateliers ne peuvent pas être placés : ${damaged.join(' ; ')}` : null);
    });
    return () => {
      live = false;
    };
    // The rows change at every save; the sessions are read again only when the group changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idsKey]);

  const name = group?.name || 'Établissement non précisé';
  const rendered = useMemo(() => (sessions ? renderStackSvg(sessions, { establishment: name, width: VIEW_WIDTH }) : null), [sessions, name]);
  const url = useMemo(() => (rendered ? URL.createObjectURL(new Blob([rendered.svg], { type: 'image/svg+xml' })) : null), [rendered]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  const layout = rendered?.layout;
  const periods = useMemo(() => (layout ? stackPeriods(layout) : []), [layout]);
  const labelOf = (sessionId: string) => layout?.bands.find((b) => b.sessionId === sessionId)?.label ?? sessionId;
  const titleOf = (sessionId: string) => sessions?.find((s) => s.id === sessionId)?.title ?? sessionId;

  /** Applies a change to stored sessions, one by one; keeps what it did for `Annuler`. */
  const change = async (edits: { sessionId: string; apply: (s: Session) => Session }[], done: string, undoable = true) => {
    setProblem(null);
    const record: Change = [];
    try {
      for (const { sessionId, apply } of edits) {
        const before = sessions?.find((s) => s.id === sessionId)?.institutionalEvents;
        const result = await updateStoredSession(sessionId, apply);
        if (!result.ok) {
          setProblem(`La modification est refusée : ${result.errors[0]!.message}`);
          break;
        }
        record.push({ sessionId, before });
        setSessions((list) => list?.map((s) => (s.id === sessionId ? result.value : s)) ?? null);
      }
    } catch (error) {
      setProblem(storageErrorMessage(error));
    }
    if (record.length > 0) {
      if (undoable) setHistory((h) => [...h, record]);
      setStatus(done);
    }
    return record.length === edits.length;
  };

  const undo = async () => {
    const last = history.at(-1);
    if (!last) return;
    setHistory((h) => h.slice(0, -1));
    await change(
      last.map(({ sessionId, before }) => ({ sessionId, apply: (s: Session) => setInstitutionalEvents(s, before) })),
      'Dernière modification des événements annulée.',
      false,
    );
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = draftProblems(draft);
    setErrors(found);
    if (found.title || found.date) {
      document.getElementById(found.title ? 'stack-event-title' : 'stack-event-date')?.focus();
      return;
    }
    const fields = { title: draft.title.replace(/\s+/g, ' ').trim(), date: normalizeDate(draft.date), kind: draft.kind };
    const ok = editing
      ? await change(
          editing.holders.map((h) => ({ sessionId: h.sessionId, apply: (s: Session) => updateInstitutionalEvent(s, h.eventId, fields) })),
          `Événement « ${fields.title} » modifié.`,
        )
      : await change(
          [{ sessionId: draft.holder, apply: (s: Session) => addInstitutionalEvent(s, { id: newId('evt'), ...fields }) }],
          `Événement « ${fields.title} » ajouté à l'atelier « ${titleOf(draft.holder)} ».`,
        );
    if (ok) {
      setEditing(null);
      setDraft(emptyDraft(draft.holder));
    }
  };

  const startEdit = (ev: MergedEvent) => {
    setEditing(ev);
    setErrors({});
    setDraft({ title: ev.title, date: ev.date, kind: ev.kind, holder: ev.holders[0]!.sessionId });
    setTimeout(() => document.getElementById('stack-event-title')?.focus(), 0);
  };

  const remove = (ev: MergedEvent) =>
    void change(
      ev.holders.map((h) => ({ sessionId: h.sessionId, apply: (s: Session) => deleteInstitutionalEvent(s, h.eventId) })),
      `Événement « ${ev.title} » supprimé (« Annuler la dernière modification » pour le rétablir).`,
    ).then(() => setConfirming(null));

  const exportAs = async (ext: 'png' | 'svg') => {
    if (!sessions) return;
    setProblem(null);
    setStatus(ext === 'png' ? 'Création de l’image…' : '');
    try {
      const blob = ext === 'png' ? await stackPngBlob(sessions, name) : stackSvgBlob(sessions, name);
      const file = stackFileName(name, ext);
      downloadBlob(blob, file);
      setStatus(`Image « ${file} » enregistrée.`);
    } catch (error) {
      setStatus('');
      setProblem(`L'export de l'empilement a échoué : ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea, select')) return;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && history.length > 0) {
      e.preventDefault();
      void undo();
    }
  };

  const events = layout?.events.items ?? [];
  const undated = layout?.bands.filter((b) => b.undated > 0) ?? [];

  return (
    <Modal title="Empilement des temporalités" onClose={onClose}>
      <div className="stack-view" onKeyDown={onKeyDown}>
        <p className="stack-intro">
          Les projets d'un même établissement sur un seul axe du temps, avec les événements institutionnels (appels à projets,
          comités, certification, échéances) : ce qui tombe sur les mêmes équipes au même moment.
        </p>
        <div className="stack-bar">
          <label htmlFor="stack-establishment">Établissement</label>
          <select
            id="stack-establishment"
            value={group?.key ?? ''}
            onChange={(e) => {
              const next = groups.find((g) => g.key === e.target.value);
              setGroupKey(e.target.value);
              setHistory([]);
              setEditing(null);
              setErrors({});
              setDraft(emptyDraft(next?.sessionIds[0] ?? ''));
            }}
          >
            {groups.map((g) => (
              <option key={g.key} value={g.key}>
                {g.name || 'Établissement non précisé'} ({g.sessionIds.length} atelier{g.sessionIds.length > 1 ? 's' : ''})
              </option>
            ))}
          </select>
          <span className="stack-spacer" />
          <button type="button" onClick={() => void undo()} disabled={history.length === 0} aria-keyshortcuts="Control+Z">
            Annuler la dernière modification
          </button>
          <button type="button" onClick={() => void exportAs('png')} disabled={!sessions}>Exporter en PNG</button>
          <button type="button" onClick={() => void exportAs('svg')} disabled={!sessions}>Exporter en SVG</button>
        </div>
        {problem && <p role="alert" className="alert">{problem}</p>}
        <p role="status" className="notice">{status}</p>

        {!layout || !url || !rendered ? (
          <p>Chargement…</p>
        ) : (
          <>
            <img
              className="stack-image"
              src={url}
              width={rendered.width}
              height={rendered.height}
              alt={`Empilement des temporalités de ${name} : ${stackSummary(layout)}. Le tableau « Ce qui s'empile, période par période » en donne le détail.`}
            />
            {undated.length > 0 && (
              <p className="stack-undated">
                Étapes sans date ni date prévue, non placées sur l'axe :{' '}
                {undated.map((b) => `${b.label} (${b.undated})`).join(', ')}.
              </p>
            )}
          </>
        )}

        <section aria-labelledby="stack-events-heading" className="stack-events">
          <h3 id="stack-events-heading">Événements institutionnels</h3>
          {events.length === 0 ? (
            <p>Aucun événement institutionnel pour cet établissement. Ajoutez les appels à projets, comités, certifications et échéances qui ont pesé sur ses équipes.</p>
          ) : (
            <ul className="stack-event-list" aria-labelledby="stack-events-heading">
              {events.map((ev) => (
                <li key={ev.key}>
                  <span>
                    <strong>{ev.title}</strong> · {INSTITUTIONAL_EVENT_KIND_LABELS[ev.kind]} · {formatPartialDate(ev.date)}
                    <span className="stack-holders">
                      {' '}(dans {ev.holders.length > 1 ? 'les ateliers' : "l'atelier"} {ev.holders.map((h) => `« ${titleOf(h.sessionId)} »`).join(', ')})
                    </span>
                  </span>
                  {confirming === ev.key ? (
                    <span className="stack-confirm" role="group" aria-label={`Supprimer « ${ev.title} » ?`}>
                      <button type="button" className="danger" onClick={() => remove(ev)}>Supprimer définitivement</button>
                      <button type="button" autoFocus onClick={() => setConfirming(null)}>Garder</button>
                    </span>
                  ) : (
                    <span>
                      <button type="button" aria-label={`Modifier « ${ev.title} »`} onClick={() => startEdit(ev)}>Modifier</button>
                      <button type="button" aria-label={`Supprimer « ${ev.title} »`} onClick={() => setConfirming(ev.key)}>Supprimer</button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}

          <form className="form stack-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="stack-form-legend">
            <p id="stack-form-legend" className="stack-form-title">{editing ? `Modifier l'événement « ${editing.title} »` : 'Ajouter un événement institutionnel'}</p>
            <div className="stack-form-grid">
              <div>
                <label htmlFor="stack-event-title">Intitulé de l'événement</label>
                <input
                  id="stack-event-title"
                  value={draft.title}
                  maxLength={200}
                  aria-invalid={errors.title ? true : undefined}
                  aria-describedby={errors.title ? 'stack-event-title-error' : undefined}
                  onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                />
                {errors.title && <p id="stack-event-title-error" className="field-error">{errors.title}</p>}
              </div>
              <div>
                <label htmlFor="stack-event-date">Date de l'événement</label>
                <input
                  id="stack-event-date"
                  value={draft.date}
                  placeholder="2022-04"
                  maxLength={20}
                  aria-invalid={errors.date ? true : undefined}
                  aria-describedby={errors.date ? 'stack-event-date-error' : undefined}
                  onChange={(e) => setDraft({ ...draft, date: e.target.value })}
                />
                {errors.date && <p id="stack-event-date-error" className="field-error">{errors.date}</p>}
              </div>
              <div>
                <label htmlFor="stack-event-kind">Type d'événement</label>
                <select id="stack-event-kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as InstitutionalEventKind })}>
                  {INSTITUTIONAL_EVENT_KINDS.map((k) => <option key={k} value={k}>{INSTITUTIONAL_EVENT_KIND_LABELS[k]}</option>)}
                </select>
              </div>
              {!editing && (
                <div>
                  <label htmlFor="stack-event-holder">Atelier qui le garde</label>
                  <select id="stack-event-holder" value={draft.holder} onChange={(e) => setDraft({ ...draft, holder: e.target.value })}>
                    {(sessions ?? []).map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
                  </select>
                </div>
              )}
            </div>
            <div className="actions">
              {editing && (
                <button
                  type="button"
                  onClick={() => {
                    setEditing(null);
                    setErrors({});
                    setDraft(emptyDraft(draft.holder));
                  }}
                >
                  Abandonner la modification
                </button>
              )}
              <button type="submit" className="primary" disabled={!sessions || sessions.length === 0}>
                {editing ? "Enregistrer l'événement" : "Ajouter l'événement"}
              </button>
            </div>
          </form>
        </section>

        {layout && !layout.empty && (
          <table className="stack-table">
            <caption>Ce qui s'empile, période par période</caption>
            <thead>
              <tr>
                <th scope="col">Période</th>
                <th scope="col">Étapes des projets</th>
                <th scope="col">Événements institutionnels</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.period} className={p.piled ? 'piled' : undefined}>
                  <th scope="row">
                    {periodLabel(p.period)}
                    {p.piled && <span className="stack-piled"> · s'empilent ({p.projects} projet{p.projects > 1 ? 's' : ''}{p.events.length ? ` et ${p.events.length} événement${p.events.length > 1 ? 's' : ''}` : ''})</span>}
                  </th>
                  <td>
                    {p.steps.length > 0 && (
                      <ul>
                        {p.steps.map((s) => (
                          <li key={`${s.sessionId}-${s.number}`}>
                            {labelOf(s.sessionId)} : {s.number}. {s.title}{s.status === 'prevu' ? ' (prévue)' : ''}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {p.events.length > 0 && (
                      <ul>
                        {p.events.map((e, i) => <li key={i}>{e.title} ({INSTITUTIONAL_EVENT_KIND_LABELS[e.kind]})</li>)}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="actions"><button type="button" onClick={onClose}>Fermer</button></div>
      </div>
    </Modal>
  );
}
