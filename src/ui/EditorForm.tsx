import type { ReactNode } from 'react';

/** The buttons of a form that edits one object, and what its submit gives. */
export interface FormButtons<F> {
  submitLabel: string;
  onSubmit: (fields: F) => void;
  /** Without it, no Annuler button. */
  onCancel?: () => void;
  /** Buttons before Annuler (a delete button). */
  extra?: ReactNode;
}

/**
 * A form of the dialogs and side panels: its fields, then the actions row (`extra`, Annuler,
 * the submit button). `onSubmit` checks the fields and sends them on; the browser checks nothing.
 */
export function EditorForm({ submitLabel, onSubmit, onCancel, extra, children }: Omit<FormButtons<never>, 'onSubmit'> & {
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <div className="actions">
        {extra}
        {onCancel && <button type="button" onClick={onCancel}>Annuler</button>}
        <button type="submit" className="primary">{submitLabel}</button>
      </div>
    </form>
  );
}
