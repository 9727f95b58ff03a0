import { useEffect, useState } from 'react';
import { firstMessage } from '../../domain/format/file';
import type { Session } from '../../domain/types';
import { loadSession, markExported } from '../../state/sessionsLibrary';
import { downloadBlob } from '../../ui/download';
import { Modal } from '../../ui/Modal';
import { downloadSessionJson } from './exportJson';
import { exportPng, exportSvg, prepareRoutes, type MapKind } from './images';
import { PrintDialog } from './PrintDialog';
import { anonymise } from './anonymise';

import { rolesWithNotes, toggleNoteRole, useHiddenNoteRoles } from './noteChoice';
import { AUTHOR_ROLE_LABELS } from '../../i18n/labels';
import type { AuthorRole } from '../../domain/enums';

/** `hidden`: the roles whose notes the map images leave out (`Notes sur l'image`). */
type Format = { label: string; run: (s: Session, hidden: readonly AuthorRole[]) => Promise<string> };

const MAPS: [MapKind, string][] = [['conduite', 'conduite de projet'], ['acteurs', 'acteurs']];

const FORMATS: Format[] = [
  {
    label: 'Fichier de session (JSON)',
    run: async (s) => {
      const done = downloadSessionJson(s);
      if (!done.ok) throw new Error(firstMessage(done.errors));
      return done.value;
    },
  },
  ...MAPS.flatMap(([map, name]): Format[] => [
    {
      label: `Image PNG — ${name}`,
      run: async (s, hidden) => {
        const r = await exportPng(s, map, hidden);
        downloadBlob(r.blob, r.fileName);
        return r.fileName + (r.warning ? ` (${r.warning})` : '');
      },
    },
    {
      label: `Image SVG — ${name}`,
      run: async (s, hidden) => {
        await prepareRoutes(s, map);
        const r = exportSvg(s, map, hidden);
        downloadBlob(r.blob, r.fileName);
        return r.fileName;
      },
    },
  ]),
  {
    label: 'Diaporama (PPTX)',
    run: async (s) => {
      const { buildDeck } = await import('./pptx');
      const name = `${s.title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'atelier'}.pptx`;
      downloadBlob(await buildDeck(s), name);
      return name;
    },
  },
];

/** Exporting a session from the home page, in any format, without opening it. */
export function ExportDialog({ sessionId, title, onClose, onDone }: { sessionId: string; title: string; onClose: () => void; onDone: (message: string) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printing, setPrinting] = useState<{ session: Session; map: MapKind } | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const hiddenRoles = useHiddenNoteRoles(sessionId);
  // The roles that wrote notes, read once the dialog is open: the choices of `Notes sur l'image`.
  const [noteRoles, setNoteRoles] = useState<AuthorRole[]>([]);
  useEffect(() => {
    let live = true;
    void loadSession(sessionId).then((loaded) => live && loaded.ok && setNoteRoles(rolesWithNotes(loaded.value)), () => undefined);
    return () => {
      live = false;
    };
  }, [sessionId]);
  const prepare = (s: Session) => (anonymous ? anonymise(s) : s);
  const print = async (map: MapKind) => {
    setError(null);
    const loaded = await loadSession(sessionId);
    if (loaded.ok) setPrinting({ session: prepare(loaded.value), map });
    else setError(`L'impression est impossible : ${loaded.errors[0]!.message}`);
  };
  if (printing) return <PrintDialog session={printing.session} map={printing.map} hiddenRoles={hiddenRoles} onClose={onClose} />;
  const run = async (format: Format) => {
    setBusy(format.label);
    setError(null);
    try {
      const loaded = await loadSession(sessionId);
      if (!loaded.ok) throw new Error(loaded.errors[0]!.message);
      const name = await format.run(prepare(loaded.value), hiddenRoles);
      await markExported(sessionId);
      onDone(`Fichier « ${name} » enregistré.`);
      onClose();
    } catch (e) {
      setError(`L'export a échoué : ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Modal title={`Exporter « ${title} »`} onClose={onClose}>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        Anonymiser
      </label>
      <p className="hint">Les personnes sont nommées par leur rôle ; les textes saisis (titres, notes) restent tels quels.</p>
      {noteRoles.length > 0 && (
        <fieldset className="export-notes">
          <legend>Notes sur l'image</legend>
          {noteRoles.map((role) => (
            <label key={role} className="check">
              <input type="checkbox" checked={!hiddenRoles.includes(role)} onChange={() => toggleNoteRole(sessionId, role)} />
              {AUTHOR_ROLE_LABELS[role]}
            </label>
          ))}
        </fieldset>
      )}
      <ul className="export-choices">
        {FORMATS.map((f) => (
          <li key={f.label}>
            <button type="button" disabled={busy !== null} onClick={() => void run(f)}>{f.label}</button>
          </li>
        ))}
        {MAPS.map(([map, name]) => (
          <li key={`print-${map}`}>
            <button type="button" disabled={busy !== null} onClick={() => void print(map)}>{`Imprimer / PDF — ${name}`}</button>
          </li>
        ))}
      </ul>
      {busy && <p role="status">Export en cours : {busy}…</p>}
      {error && <p role="alert" className="field-error">{error}</p>}
      <div className="actions"><button type="button" onClick={onClose}>Fermer</button></div>
    </Modal>
  );
}
