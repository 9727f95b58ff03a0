import { useState } from 'react';
import { firstMessage } from '../../domain/format/file';
import type { Session } from '../../domain/types';
import { markExported } from '../../state/sessionsLibrary';
import { useViewStore } from '../../state/viewStore';
import { downloadBlob } from '../../ui/download';
import { MenuButton } from '../../ui/Menu';
import { downloadSessionJson } from './exportJson';
import { anonymise } from './anonymise';
import { exportPng, exportSvg, imageFileName, prepareRoutes, type MapKind } from './images';
import { PrintDialog } from './PrintDialog';
import { rolesWithNotes, toggleNoteRole, useHiddenNoteRoles } from './noteChoice';
import { AUTHOR_ROLE_LABELS } from '../../i18n/labels';

interface Props {
  session: Session;
  map: MapKind;
  onError: (message: string) => void;
}

/** `Exporter`: images of the current map, the session file, the deck, and printing. */
export function ExportMenu({ session: open, map, onError }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  // Every export of this menu names people by their role while it is ticked.
  const [anonymous, setAnonymous] = useState(false);
  const session = anonymous ? anonymise(open) : open;
  // `Notes sur l'image`: whose notes the map images show, remembered for this session (noteChoice.ts).
  const hiddenRoles = useHiddenNoteRoles(open.id);
  const [printing, setPrinting] = useState(false);
  const announce = useViewStore((s) => s.announce);

  const run = async (label: string, task: () => Promise<string | null>) => {
    setBusy(label);
    try {
      const note = await task();
      void markExported(open.id).catch(() => undefined);
      announce(note ?? 'Export terminé.');
    } catch (e) {
      onError(`L'export a échoué : ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const items = [
    { label: 'Anonymiser', checked: anonymous, onSelect: () => setAnonymous((a) => !a) },
    ...rolesWithNotes(open).map((role) => ({
      label: AUTHOR_ROLE_LABELS[role],
      group: "Notes sur l'image",
      checked: !hiddenRoles.includes(role),
      onSelect: () => toggleNoteRole(open.id, role),
    })),
    {
      label: 'Image PNG',
      onSelect: () =>
        void run('Création de l’image PNG…', async () => {
          const r = await exportPng(session, map, hiddenRoles);
          downloadBlob(r.blob, r.fileName);
          return `Image « ${r.fileName} » enregistrée.${r.warning ? ` ${r.warning}` : ''}`;
        }),
    },
    {
      label: 'Image SVG',
      onSelect: () =>
        void run('Création de l’image SVG…', async () => {
          await prepareRoutes(session, map);
          const r = exportSvg(session, map, hiddenRoles);
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
          void markExported(open.id).catch(() => undefined);
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
    {
      label: 'Capture de la vue',
      // A picture of the screen cannot be anonymised.
      disabled: anonymous,
      onSelect: () =>
        void run('Capture de la vue…', async () => {
          const { captureView } = await import('./capture');
          const r = await captureView(open.title);
          downloadBlob(r.blob, r.fileName);
          return `Image « ${r.fileName} » enregistrée.`;
        }),
    },
  ];

  return (
    <>
      <MenuButton label="Exporter" items={items.map((i) => ({ ...i, disabled: busy !== null || ('disabled' in i && i.disabled) }))} />
      {anonymous && <span className="export-note">Exports anonymisés</span>}
      {busy && (
        <span className="export-progress" role="progressbar" aria-label={busy} aria-busy="true">
          {busy}
        </span>
      )}
      {printing && <PrintDialog session={session} map={map} hiddenRoles={hiddenRoles} onClose={() => setPrinting(false)} />}
    </>
  );
}
