import { useRef, useState } from 'react';
import { useViewStore } from '../../state/viewStore';
import { downloadBlob } from '../../ui/download';
import { elementPng, NOT_IN_PICTURE, pictureFileName } from './htmlPng';

interface Props {
  /** The button's name, e.g. `Enregistrer la synthèse en PNG`. */
  label: string;
  /** The element pictured (found when the button is pressed). */
  target: () => HTMLElement | null;
  title: string;
  /** What the file is named after, e.g. `synthèse`. */
  what: string;
}

/** Saves a part of the page (the Synthèse, the participation matrix) as a PNG image (htmlPng.ts). */
export function PngExportButton({ label, target, title, what }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const announce = useViewStore((s) => s.announce);
  const running = useRef(false);
  const run = async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const element = target();
      if (!element) throw new Error("rien à exporter : la vue n'est pas encore affichée.");
      const name = pictureFileName(title, what);
      downloadBlob(await elementPng(element), name);
      announce(`Image « ${name} » enregistrée.`);
    } catch (e) {
      setError(`L'export a échoué : ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return (
    <div className="picture-actions" {...{ [NOT_IN_PICTURE]: '' }}>
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy || undefined}>
        {label}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
