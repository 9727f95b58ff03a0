/** What the two list views (`Vue liste`) are made of besides their rows: an editable cell, a form that adds a row. */
import { useState, type ReactNode } from 'react';

/** A text cell that commits its value (one command) on Entrée or when it loses the focus, if valid; Échap puts it back. */
export function TextCell({ label, value, check, onCommit }: { label: string; value: string; check: (v: string) => string | null; onCommit: (v: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === value) return;
    const problem = check(draft);
    setError(problem);
    if (!problem) onCommit(draft);
  };
  return (
    <>
      <input
        aria-label={label}
        value={draft}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') {
            setDraft(value);
            setError(null);
          }
        }}
      />
      {error && <span className="field-error" role="alert">{error}</span>}
    </>
  );
}

/** The form under a list view's table that adds a row: its fields, the submit button, and why it was refused. */
export function NewRowForm({ legend, submitLabel, disabled, error, onSubmit, children }: {
  legend: string;
  submitLabel: string;
  disabled?: boolean;
  error: string | null;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="outline-new"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        {children}
        <button type="submit" disabled={disabled}>{submitLabel}</button>
      </fieldset>
      {error && <p role="alert" className="field-error">{error}</p>}
    </form>
  );
}
