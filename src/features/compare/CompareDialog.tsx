import { useEffect, useMemo, useRef, useState } from 'react';
import type { Session } from '../../domain/types';
import { loadSession, type SessionSummary } from '../../state/sessionsLibrary';
import { downloadBlob } from '../../ui/download';
import { Modal } from '../../ui/Modal';
import { renderMapSvg, svgToSlidePng } from '../export/images';
import { anyRevealed, comparisonRows, maturityComparison } from './comparison';
import { Radar, RadarLegend } from '../viewpoints/Radar';
import { IndicatorTable } from './IndicatorTable';
import { renderRadarSvg } from '../../render/radar';

const toBase64 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

function Thumbnail({ session }: { session: Session }) {
  const url = useMemo(() => URL.createObjectURL(new Blob([renderMapSvg(session, 'conduite', null).svg], { type: 'image/svg+xml' })), [session]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return <img className="compare-thumb" src={url} alt={`Conduite de projet de ${session.title}`} />;
}

/** Comparer: 2 to 6 sessions (the establishments of one ACIA) side by side. */
export function CompareDialog({
  rows, onClose, preselected,
}: { rows: readonly SessionSummary[]; onClose: () => void; /** Sessions ticked on opening (an action collective's). */ preselected?: readonly string[] }) {
  const [picked, setPicked] = useState<string[]>(() => (preselected ?? []).slice(0, 6));
  const [sessions, setSessions] = useState<Session[]>([]);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void Promise.all(picked.map((id) => loadSession(id))).then((results) => {
      if (!live) return;
      setSessions(results.flatMap((r) => (r.ok ? [r.value] : [])));
      const damaged = results.flatMap((r, i) => (r.ok ? [] : [`« ${rows.find((x) => x.id === picked[i])?.title ?? picked[i]} » : ${r.errors[0]!.message}`]));
      setProblem(damaged.length ? `Ces ateliers ne peuvent pas être comparés : ${damaged.join(' ; ')}` : null);
    });
    return () => {
      live = false;
    };
  }, [picked, rows]);

  /** Runs an export; a failure is said in French, never left as « Création… ». */
  const run = (work: () => Promise<void>) => async () => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setStatus('');
      setProblem(`L'export de la comparaison a échoué : ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const ready = sessions.length >= 2 && sessions.length === picked.length;
  const table = ready ? comparisonRows(sessions) : [];
  const maturity = ready ? maturityComparison(sessions) : [];
  const sheet = useRef<HTMLDivElement>(null);

  // The PNG is a picture of the tables and radars as shown (html-to-image, loaded on demand), so it
  // matches the screen, borders included. The maps' thumbnails are outside it: html-to-image fails
  // on these large SVG images (an error Event), and the deck has each map on its own slide.
  const exportPng = run(async () => {
    if (!sheet.current) return;
    setStatus('Création de l’image…');
    const { toBlob } = await import('html-to-image');
    // Its copy of the tables lays out a little taller than the screen (about 4 %): room below, so the
    // radars' legend is not cut off.
    const el = sheet.current;
    const blob = await toBlob(el, { pixelRatio: 2, backgroundColor: '#ffffff', cacheBust: false, height: Math.ceil(el.offsetHeight * 1.08) });
    if (!blob) throw new Error("le navigateur n'a pas pu faire l'image");
    downloadBlob(blob, 'comparaison des établissements.png');
    setStatus('Image « comparaison des établissements.png » enregistrée.');
  });

  const exportPptx = run(async () => {
    setStatus('Création du diaporama…');
    const { default: PptxGenJS } = await import('pptxgenjs');
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_WIDE';
    const first = pptx.addSlide();
    first.addText('Comparaison des établissements', { x: 0.4, y: 0.2, w: 12.5, h: 0.6, fontFace: 'Arial', fontSize: 24, bold: true, color: '1F4E79' });
    const head = [{ text: '', options: {} }, ...sessions.map((s) => ({ text: s.title, options: { bold: true, color: 'FFFFFF', fill: { color: '1F4E79' } } }))];
    first.addTable([head, ...table.map((r) => [{ text: r.label, options: { bold: true } }, ...r.values.map((v) => ({ text: v, options: {} }))])], {
      x: 0.4, y: 1.0, w: 12.5, fontFace: 'Arial', fontSize: 12, border: { type: 'solid', pt: 0.5, color: '94A3B8' },
    });
    if (anyRevealed(sessions)) {
      const slide = pptx.addSlide();
      slide.addText("Maturité numérique par domaine, d'un établissement à l'autre", { x: 0.4, y: 0.2, w: 12.5, h: 0.6, fontFace: 'Arial', fontSize: 22, bold: true, color: '1F4E79' });
      const headRow = [{ text: 'Domaine', options: { bold: true } }, ...sessions.map((s) => ({ text: s.title, options: { bold: true } })), { text: 'Écart', options: { bold: true } }];
      const body = maturity.map((r) => [
        { text: r.label, options: { bold: true } },
        ...r.cells.map((c) => ({ text: `${c.level} (${c.detail})`, options: {} })),
        { text: r.spread, options: {} },
      ]);
      slide.addTable([headRow, ...body], { x: 0.4, y: 1.0, w: 12.5, fontFace: 'Arial', fontSize: 10, border: { type: 'solid', pt: 0.5, color: '94A3B8' } });
      // The revealed radars as large as the slide allows: two to a row up to four, then three.
      const radars = pptx.addSlide();
      radars.addText('Radars de maturité', { x: 0.4, y: 0.2, w: 12.5, h: 0.6, fontFace: 'Arial', fontSize: 22, bold: true, color: '1F4E79' });
      const shown = sessions.filter((s) => s.viewpoints?.revealed && s.viewpoints.maturity);
      const cols = shown.length <= 4 ? 2 : 3;
      const w = shown.length <= 2 ? 6.3 : shown.length <= 4 ? 5.1 : 4.1;
      const h = (w * 9) / 16;
      const left = (13.333 - (cols * w + (cols - 1) * 0.2)) / 2;
      for (const [i, s] of shown.entries()) {
        const { bytes } = await svgToSlidePng(renderRadarSvg(s.viewpoints!.maturity, `Radar de maturité : ${s.title}`));
        const x = left + (i % cols) * (w + 0.2);
        const y = 0.9 + Math.floor(i / cols) * (h + 0.45);
        radars.addText(s.title, { x, y, w, h: 0.4, fontFace: 'Arial', fontSize: 14, bold: true, color: '1F4E79' });
        radars.addImage({ data: `data:image/png;base64,${toBase64(bytes)}`, x, y: y + 0.4, w, h });
      }
    }
    for (const s of sessions) {
      const { bytes } = await svgToSlidePng(renderMapSvg(s, 'conduite', null));
      pptx.addSlide().addImage({ data: `data:image/png;base64,${toBase64(bytes)}`, x: 0, y: 0, w: 13.333, h: 7.5 });
    }
    downloadBlob((await pptx.write({ outputType: 'blob' })) as Blob, 'comparaison des établissements.pptx');
    setStatus('Diaporama « comparaison des établissements.pptx » enregistré.');
  });

  return (
    <Modal title="Comparer des établissements" onClose={onClose}>
      <fieldset className="compare-pick">
        <legend>Choisissez de 2 à 6 ateliers</legend>
        {rows.map((r) => (
          <label key={r.id} className="check">
            <input
              type="checkbox"
              checked={picked.includes(r.id)}
              disabled={!picked.includes(r.id) && picked.length >= 6}
              onChange={(e) => setPicked((p) => (e.target.checked ? [...p, r.id] : p.filter((x) => x !== r.id)))}
            />
            {r.title}
          </label>
        ))}
      </fieldset>
      {ready && (
        <>
          <div ref={sheet} className="compare-sheet">
            <h3 className="compare-sheet-title">Comparaison des établissements</h3>
            <IndicatorTable sessions={sessions} rows={table} />
            {anyRevealed(sessions) && (
              <table className="compare-table compare-maturity">
                <caption>Maturité numérique par domaine, d'un établissement à l'autre</caption>
                <thead>
                  <tr>
                    <th scope="col">Domaine</th>
                    {sessions.map((s) => <th key={s.id} scope="col">{s.title}</th>)}
                    <th scope="col">Écart entre établissements</th>
                  </tr>
                </thead>
                <tbody>
                  {maturity.map((row) => (
                    <tr key={row.domain}>
                      <th scope="row">{row.label}</th>
                      {row.cells.map((c, i) => (
                        <td key={sessions[i]!.id}>
                          <span className="compare-level">{c.level}</span> <span className="compare-detail">{c.detail}</span>
                        </td>
                      ))}
                      <td>{row.spread}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {anyRevealed(sessions) && (
              <p className="hint">
                Niveau d'un établissement : moyenne des notes de ses trois regards (0 Absent à 3 Développé ; « ne sait pas » ne compte pas). DIR
                Direction, RS Représentant·e des salarié·es.
              </p>
            )}
            <div role="group" aria-label="Radars de maturité" className="compare-radars">
              {sessions.map((s) => (
                <div key={s.id} className="compare-radar">
                  <h4>{s.title}</h4>
                  {s.viewpoints?.revealed && s.viewpoints.maturity ? (
                    <Radar maturity={s.viewpoints.maturity} title={`Radar de maturité : ${s.title}`} width={320} legend={false} labelSize={19} />
                  ) : (
                    <p className="hint">{s.viewpoints?.maturity ? 'Notes non révélées : le radar reste masqué.' : 'Grille de maturité non remplie.'}</p>
                  )}
                </div>
              ))}
            </div>
            {anyRevealed(sessions) && <RadarLegend />}
          </div>
          <div role="group" aria-label="Cartes de la conduite de projet" className="compare-maps">
            {sessions.map((s) => (
              <figure key={s.id}>
                <Thumbnail session={s} />
                <figcaption>{s.title}</figcaption>
              </figure>
            ))}
          </div>
          <div className="actions">
            <button type="button" onClick={() => void exportPng()}>Exporter la comparaison en PNG</button>
            <button type="button" onClick={() => void exportPptx()}>Exporter la comparaison en PPTX</button>
          </div>
        </>
      )}
      {problem && <p role="alert" className="alert">{problem}</p>}
      <p role="status">{status}</p>
      <div className="actions"><button type="button" onClick={onClose}>Fermer</button></div>
    </Modal>
  );
}
