import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Session } from '../../domain/types';
import { Modal } from '../../ui/Modal';
import { hasViewpoints, ViewpointsPrint } from '../viewpoints/ViewpointsPrint';
import { embeddedSession, renderMapSvg, type MapKind } from './images';
import type { AuthorRole } from '../../domain/enums';
import { fontFaceCss, withStyle } from './svgFonts';

/**
 * Printing (or saving as PDF) on A3 or A4 landscape: the map with its legend and chronology, then
 * (when there are any) the three viewpoints on their own page: objectives, radar and divergences.
 */
export function PrintDialog({ session, map, onClose, hiddenRoles = [] }: { session: Session; map: MapKind; onClose: () => void; hiddenRoles?: readonly AuthorRole[] }) {
  const [format, setFormat] = useState<'A4' | 'A3'>('A3');
  // Inter for the printed map, read as the dialog opens: the map is an SVG image on the page,
  // which cannot use the page's fonts (svgFonts.ts).
  const fonts = useRef<Promise<string> | null>(null);
  fonts.current ??= fontFaceCss();
  const withViewpoints = hasViewpoints(session);
  const [viewpoints, setViewpoints] = useState(withViewpoints);
  const print = async () => {
    const svg = withStyle(renderMapSvg(session, map, embeddedSession(session).text, hiddenRoles).svg, await fonts.current!);
    const holder = document.createElement('div');
    holder.className = 'print-sheet';
    const img = document.createElement('img');
    img.alt = `${session.title} — ${map === 'conduite' ? 'cartographie de la conduite de projet' : 'cartographie des acteurs'}`;
    img.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
    holder.appendChild(img);
    // The viewpoints page is drawn by React into the sheet, at once, before the print starts.
    const page = document.createElement('div');
    const root = viewpoints && withViewpoints ? createRoot(page) : null;
    if (root) {
      holder.appendChild(page);
      flushSync(() => root.render(<ViewpointsPrint session={session} />));
    }
    const style = document.createElement('style');
    style.textContent = `@page { size: ${format} landscape; margin: 10mm; }`;
    document.head.appendChild(style);
    document.body.appendChild(holder);
    document.body.classList.add('is-printing');
    const cleanup = () => {
      document.body.classList.remove('is-printing');
      root?.unmount();
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
          void print();
        }}
      >
        <label htmlFor="print-format">Format du papier (paysage)</label>
        <select id="print-format" value={format} onChange={(e) => setFormat(e.target.value as 'A4' | 'A3')}>
          <option value="A3">A3 paysage</option>
          <option value="A4">A4 paysage</option>
        </select>
        {withViewpoints && (
          <label className="check">
            <input type="checkbox" checked={viewpoints} onChange={(e) => setViewpoints(e.target.checked)} />
            {session.viewpoints?.revealed
              ? 'Ajouter les regards (objectifs, radar et divergences) sur une page'
              : 'Ajouter les regards (objectifs ; les notes de maturité ne sont pas révélées) sur une page'}
          </label>
        )}
        <p className="hint">Choisissez « Enregistrer au format PDF » dans la fenêtre d'impression pour obtenir un PDF.</p>
        <div className="actions">
          <button type="button" onClick={onClose}>Annuler</button>
          <button type="submit" className="primary">Imprimer</button>
        </div>
      </form>
    </Modal>
  );
}
