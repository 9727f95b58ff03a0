import type { ReactNode } from 'react';
import type { Session } from '../../domain/types';
import { useDocumentStore } from '../../state/documentStore';
import { useViewStore } from '../../state/viewStore';
import type { FormButtons } from '../../ui/EditorForm';

type Command = (session: Session) => Session;

interface Props<F> {
  /** Names the heading: `${name}-editor-heading`. */
  name: string;
  title: ReactNode;
  /** The object's form, given the panel's buttons (Enregistrer, Annuler, the delete button). */
  form: (buttons: FormButtons<F>) => ReactNode;
  /** The command saving the form's fields, and what is announced then. */
  save: (fields: F) => Command;
  saved: string | ((fields: F) => string);
  deleteLabel: string;
  /** The delete button: a command (then the panel closes and `announcement` is said), or what it does instead. */
  remove: { command: Command; announcement: string } | { perform: () => void };
  /** Closes the panel (Annuler, and after a delete); without it, no Annuler button. */
  close?: () => void;
  /** Shown below the form. */
  children?: ReactNode;
}

/** The side panel that edits the selected object of a map: its heading, its form, Enregistrer and the delete button. */
export function SidePanelEditor<F>({ name, title, form, save, saved, deleteLabel, remove, close, children }: Props<F>) {
  const apply = useDocumentStore((s) => s.apply);
  const onDelete = () => {
    if ('perform' in remove) return remove.perform();
    apply(remove.command);
    close?.();
    useViewStore.getState().announce(remove.announcement);
  };
  return (
    <section className="panel" aria-labelledby={`${name}-editor-heading`}>
      <h2 id={`${name}-editor-heading`}>{title}</h2>
      {form({
        submitLabel: 'Enregistrer',
        onSubmit: (fields) => {
          apply(save(fields));
          useViewStore.getState().announce(typeof saved === 'string' ? saved : saved(fields));
        },
        ...(close ? { onCancel: close } : {}),
        extra: <button type="button" className="danger" onClick={onDelete}>{deleteLabel}</button>,
      })}
      {children}
    </section>
  );
}
