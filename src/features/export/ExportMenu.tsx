import { useState } from 'react';
import { firstMessage } from '../../domain/format/file';
import type { Session } from '../../domain/types';
import { useViewStore } from '../../state/viewStore';
import { getDb } from '../../storage/db';
import { markExported } from '../../storage/repository';
import { downloadBlob } from '../../ui/download';
import { MenuButton } from '../../ui/Menu';
import { Modal } from '../../ui/Modal';
import { downloadSessionJson } from './exportJson';
import { embeddedSession, exportPng, exportSvg, imageFileName, renderMapSvg, type MapKind } from './images';

interface Props {
  session: Session;
  map: MapKind;
  onError: (message: string) => void;
}

/** `Exporter`: images of the current map, the session file, the deck, and printing. */
export function ExportMenu({ session, map, onError }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const announce = useViewStore((s) => s.announce);

  const run = async (label: string, task: () => Promise<string | null>) => {
    setBusy(label);
    try {
      const note = await task();
      void markExported(getDb(), session.id).catch(() => undefined);
      announce(note ?? 'Export terminé.');
    } catch (e) {
      onError(`L'export a échoué : ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const items = [
    {
      label: 'Image PNG',
      onSelect: () =>
        void run('Création de l’image PNG…', async () => {
          const r = await exportPng(session, map);
          downloadBlob(r.blob, r.fileName);
          return `Image « ${r.fileName} » enregistrée.${r.warning ? ` ${r.warning}` : ''}`;
        }),
    },
    {
      label: 'Image SVG',
      onSelect: () =>
        void run('Création de l’image SVG…', async () => {
          const r = exportSvg(session, map);
          downloadBlob(r.blob, r.fileName);
          return `Image « ${r.fileName} » enregistrée.${r.warning ? ` ${r.warning}` : ''}`;
        }),
    },
    {
      label: 'Fichier de session (JSON)',
      onSelect: () => {
        const done = downloadSessionJson(session);
        if (!done.ok) onError(`Export impossible : ${firstMessage(done.errors)}`);
        else {
          void markExported(getDb(), session.id).catch(() => undefined);
          announce(`Fichier « ${done.value} » enregistré.`);
        }
      },
    },
    {
      label: 'Diaporama (PPTX)',
      onSelect: () =>
        void run('Création du diaporama…', async () => {
          const { buildDeck } = await import('./pptx');
          const blob = await buildDeck(session, (m) => setBusy(m));
          const name = imageFileName(session.title, map, 'png').replace(/ - [^-]+\.png$/, '.pptx');
          downloadBlob(blob, name);
          return `Diaporama « ${name} » enregistré.`;
        }),
    },
    { label: 'Imprimer / PDF', onSelect: () => setPrinting(true) },
  ];

  return (
    <>
      <MenuButton label="Exporter" items={items.map((i) => ({ ...i, disabled: busy !== null }))} />
      {busy && (
        <span className="export-progress" role="progressbar" aria-label={busy} aria-busy="true">
          {busy}
        </span>
      )}
      {printing && <PrintDialog session={session} map={map} onClose={() => setPrinting(false)} />}
    </>
  );
}

/** Printing (or saving as PDF) on A3 or A4 landscape: the map with its legend and chronology. */
function PrintDialog({ session, map, onClose }: { session: Session; map: MapKind; onClose: () => void }) {
  const [format, setFormat] = useState<'A4' | 'A3'>('A3');
  const print = () => {
    const { svg } = renderMapSvg(session, map, embeddedSession(session).text);
    const holder = document.createElement('div');
    holder.className = 'print-sheet';
    const img = document.createElement('img');
    img.alt = `${session.title} — ${map === 'conduite' ? 'cartographie de la conduite de projet' : 'cartographie des acteurs'}`;
    img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
    holder.appendChild(img);
    const style = document.createElement('style');
    style.textContent = `@page { size: ${format} landscape; margin: 10mm; }`;
    document.head.appendChild(style);
    document.body.appendChild(holder);
    document.body.classList.add('is-printing');
    const cleanup = () => {
      document.body.classList.remove('is-printing');
      holder.remove();
      style.remove();
      URL.revokeObjectURL(img.src);
      window.removeEventListener('afterprint', cleanup);
    };
    window.addEventListener('afterprint', cleanup);
    img.onload = () => {
      onClose();
      window.print();
    };
  };
  return (
    <Modal title="Imprimer / PDF" onClose={onClose}>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          print();
        }}
      >
        <label htmlFor="print-format">Format du papier (paysage)</label>
        <select id="print-format" value={format} onChange={(e) => setFormat(e.target.value as 'A4' | 'A3')}>
          <option value="A3">A3 paysage</option>
          <option value="A4">A4 paysage</option>
        </select>
        <p className="hint">Choisissez « Enregistrer au format PDF » dans la fenêtre d'impression pour obtenir un PDF.</p>
        <div className="actions">
          <button type="button" onClick={onClose}>Annuler</button>
          <button type="submit" className="primary">Imprimer</button>
        </div>
      </form>
    </Modal>
  );
}
