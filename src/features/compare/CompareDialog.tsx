import { useEffect, useMemo, useState } from 'react';
import type { Session } from '../../domain/types';
import { loadSession, type SessionSummary } from '../../state/sessionsLibrary';
import { downloadBlob } from '../../ui/download';
import { Modal } from '../../ui/Modal';
import { renderMapSvg, svgToSlidePng } from '../export/images';
import { comparisonRows, comparisonSvg } from './comparison';
import { Radar } from '../viewpoints/Radar';

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

  const exportPng = run(async () => {
    setStatus('Création de l’image…');
    const { bytes } = await svgToSlidePng(comparisonSvg(sessions));
    downloadBlob(new Blob([bytes as BlobPart], { type: 'image/png' }), 'comparaison des établissements.png');
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
          <table className="compare-table">
            <caption>Indicateurs de la synthèse, côte à côte</caption>
            <thead>
              <tr>
                <th scope="col">Indicateur</th>
                {sessions.map((s) => <th key={s.id} scope="col">{s.title}</th>)}
              </tr>
            </thead>
            <tbody>
              {table.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((v, i) => <td key={sessions[i]!.id}>{v}</td>)}
                </tr>
              ))}
              <tr>
                <th scope="row">Carte</th>
                {sessions.map((s) => <td key={s.id}><Thumbnail session={s} /></td>)}
              </tr>
            </tbody>
          </table>
          {sessions.some((s) => s.viewpoints?.revealed) && (
            <div role="group" aria-label="Radars de maturité" style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }}>
              {sessions.filter((s) => s.viewpoints?.revealed).map((s) => (
                <Radar key={s.id} maturity={s.viewpoints?.maturity} title={`Radar de maturité : ${s.title}`} width={300} />
              ))}
            </div>
          )}
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
