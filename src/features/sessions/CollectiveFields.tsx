import { useId } from 'react';
import { cleanCollective } from '../../domain/commands/institutional';
import { normalizeDate } from '../../domain/commands/stepInput';
import { comparePartialDates, isPartialDate, isRealDate } from '../../domain/dates';
import { establishmentKey } from '../../domain/stack';
import type { Collective } from '../../domain/types';

/** The action collective as typed in a form. */
export interface CollectiveDraft {
  name: string;
  aract: string;
  start: string;
  end: string;
}

export const draftOf = (c: Collective | undefined): CollectiveDraft => ({ name: c?.name ?? '', aract: c?.aract ?? '', start: c?.start ?? '', end: c?.end ?? '' });

/** The actions collectives known from the sessions listed, once each (by name, spelling aside). */
export function knownCollectives(rows: readonly { collective?: Collective | undefined }[]): Collective[] {
  const seen = new Map<string, Collective>();
  for (const r of rows) if (r.collective && !seen.has(establishmentKey(r.collective.name))) seen.set(establishmentKey(r.collective.name), r.collective);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** The draft as stored (`undefined`: no action), or the French message of what is wrong. */
export function readCollective(d: CollectiveDraft): { ok: true; value: Collective | undefined } | { ok: false; message: string } {
  const dates = { start: normalizeDate(d.start), end: normalizeDate(d.end) };
  for (const [key, words] of [['start', 'Le début'], ['end', 'La fin']] as const) {
    const v = dates[key];
    if (v && (!isPartialDate(v) || !isRealDate(v))) {
      return { ok: false, message: `${words} de l'action collective n'est pas une date : attendu une année, un mois ou un jour (2023, 2023-09 ou 2023-09-14).` };
    }
  }
  if (dates.start && dates.end && comparePartialDates(dates.end, dates.start) < 0) {
    return { ok: false, message: "La fin de l'action collective est avant son début." };
  }
  if (!d.name.trim() && (d.aract.trim() || dates.start || dates.end)) {
    return { ok: false, message: "Donnez le nom de l'action collective (ou videz ses autres champs)." };
  }
  if ([...d.name.trim()].length > 200 || [...d.aract.trim()].length > 200) return { ok: false, message: "Le nom de l'action collective et celui de l'Aract : 200 caractères au plus." };
  return { ok: true, value: cleanCollective({ name: d.name, aract: d.aract, start: dates.start, end: dates.end }) };
}

/**
 * The fields of a session's action collective (the ACIA it belongs to): a known action's name
 * fills its Aract and dates.
 */
export function CollectiveFields({
  draft, onChange, known, error,
}: { draft: CollectiveDraft; onChange: (d: CollectiveDraft) => void; known: readonly Collective[]; error: string | null }) {
  const id = useId();
  return (
    <fieldset>
      <legend>Action collective (ACIA)</legend>
      <label htmlFor={`${id}-name`}>Action collective</label>
      <input
        id={`${id}-name`}
        value={draft.name}
        maxLength={200}
        list={known.length ? `${id}-known` : undefined}
        placeholder="Aucune"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const name = e.target.value;
          const match = known.find((c) => establishmentKey(c.name) === establishmentKey(name));
          const empty = !draft.aract.trim() && !draft.start.trim() && !draft.end.trim();
          onChange(match && empty ? { ...draftOf(match), name } : { ...draft, name });
        }}
      />
      {known.length > 0 && (
        <datalist id={`${id}-known`}>
          {known.map((c) => <option key={c.name} value={c.name} />)}
        </datalist>
      )}
      <div className="trinome-row">
        <label htmlFor={`${id}-aract`}>Aract de l'action</label>
        <label htmlFor={`${id}-start`}>Début de l'action</label>
        <label htmlFor={`${id}-end`}>Fin de l'action</label>
        <input id={`${id}-aract`} value={draft.aract} maxLength={200} onChange={(e) => onChange({ ...draft, aract: e.target.value })} />
        <input id={`${id}-start`} value={draft.start} maxLength={20} placeholder="2023-09" onChange={(e) => onChange({ ...draft, start: e.target.value })} />
        <input id={`${id}-end`} value={draft.end} maxLength={20} placeholder="2024-06" onChange={(e) => onChange({ ...draft, end: e.target.value })} />
      </div>
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </fieldset>
  );
}
