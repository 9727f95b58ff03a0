import { useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { firstMessage } from '../../domain/format/file';
import { titleProblem } from './messages';
import type { Session } from '../../domain/types';
import { sessionHref, sessionPath } from '../../state/routes';
import { preloadOnLinkClick } from '../../state/sessionController';
import {
  backupAll, createSession, deleteSession, duplicateSession, importSession, importSessionAsCopy, needsBackup, renameSession,
  restoreBackup, sessionExists, storageErrorMessage, updateStoredSession, useSessionList, type SessionSummary,
} from '../../state/sessionsLibrary';
import { Modal } from '../../ui/Modal';
import { MenuButton } from '../../ui/Menu';
import { formatDateTime } from '../../ui/format';
import { ExportDialog } from '../export/ExportDialog';
import { CompareDialog } from '../compare/CompareDialog';
import { StackDialog } from '../stack/StackDialog';
import { setCollective } from '../../domain/commands/institutional';
import type { Collective } from '../../domain/types';
import { CollectiveFields, draftOf, knownCollectives, readCollective } from './CollectiveFields';
import { SessionGroups } from './SessionGroups';
import { useDatabaseOutdated } from '../../state/useDatabaseOutdated';
import { CreateSessionDialog } from './CreateSessionDialog';
import { readImportFile } from './importFile';
import { StoragePanel } from './StoragePanel';
import { HomeRoomButton } from '../room/HomeRoomButton';
import { downloadText } from '../../ui/download';

type Dialog =
  | { kind: 'create' }
  | { kind: 'rename'; session: SessionSummary }
  | { kind: 'delete'; session: SessionSummary }
  | { kind: 'export'; session: SessionSummary }
  | { kind: 'compare'; preselected?: string[] }
  | { kind: 'stack' }
  | { kind: 'collective'; session: SessionSummary }
  | { kind: 'import-conflict'; session: Session };

export function HomePage() {
  const sessions = useSessionList();
  const [, navigate] = useLocation();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const outdated = useDatabaseOutdated();
  const [notice, setNotice] = useState<string>('');
  const fileInput = useRef<HTMLInputElement>(null);

  const guard = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (e) {
      setAlert(storageErrorMessage(e));
    }
  };

  const create = (session: Session) =>
    guard(async () => {
      await createSession(session);
      setDialog(null);
      navigate(sessionPath(session.id));
    });

  /** Stores an imported session (`store` resolves to the message to show), then closes the conflict
   * dialog, and only that one: an import still reading when the user opened another dialog leaves it open. */
  const storeImported = (store: () => Promise<string>) =>
    guard(async () => {
      const message = await store();
      setDialog((d) => (d?.kind === 'import-conflict' ? null : d));
      setNotice(message);
    });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setAlert(null);
    setNotice('');
    const result = await readImportFile(file);
    if (fileInput.current) fileInput.current.value = '';
    if (!result.ok) {
      setAlert(`Import refusé : ${firstMessage(result.errors)}`);
      return;
    }
    if (result.value.kind === 'backup') {
      const sessions = result.value.sessions;
      await guard(async () => {
        const report = await restoreBackup(sessions);
        setNotice(
          `Sauvegarde restaurée : ${report.added} atelier(s) ajouté(s), ${report.copies} copie(s) d'ateliers qui différaient, ${report.unchanged} déjà à jour.`,
        );
      });
      return;
    }
    const session = result.value.session;
    if (await sessionExists(session.id)) {
      setDialog({ kind: 'import-conflict', session });
      return;
    }
    await storeImported(async () => {
      await importSession(session);
      return `Atelier « ${session.title} » importé.`;
    });
  };

  const backUpAll = () =>
    guard(async () => {
      const { saved, damaged, tooLarge } = await backupAll((text, fileName) => downloadText(text, fileName));
      if (tooLarge) setAlert(tooLarge);
      setNotice(
        `Sauvegarde de ${saved} atelier(s) enregistrée.${damaged ? ` ${damaged} atelier(s) endommagé(s) n'ont pas pu être inclus.` : ''}`,
      );
    });

  const stale = sessions ? needsBackup(sessions) : [];

  return (
    <div className="home">
      <header className="home-header">
        <h1>Cartographies ACIA</h1>
        <p className="tagline">
          Retracer la conduite d'un projet numérique et ses acteurs, en trinôme, pour en parler du point de vue du travail.
        </p>
        <div className="home-actions">
          <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })}>Nouvel atelier</button>
          <button type="button" onClick={() => fileInput.current?.click()}>Importer</button>
          <button type="button" onClick={() => void backUpAll()} disabled={!sessions || sessions.length === 0}>Sauvegarder tout</button>
          <button type="button" onClick={() => setDialog({ kind: 'compare' })} disabled={!sessions || sessions.length < 2}>Comparer</button>
          <button type="button" onClick={() => setDialog({ kind: 'stack' })} disabled={!sessions || sessions.length === 0}>Empilement</button>
          <HomeRoomButton />
          <input
            ref={fileInput}
            type="file"
            className="visually-hidden"
            aria-label="Fichier à importer"
            accept=".json,.png,.svg,application/json,image/png,image/svg+xml"
            tabIndex={-1}
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </div>
      </header>

      {outdated && (
        <div role="alert" className="alert">
          <span>
            Une version plus récente de l'application a été ouverte dans un autre onglet : cet onglet ne peut plus lire ni
            enregistrer les ateliers. Rechargez la page.
          </span>
          <button type="button" onClick={() => window.location.reload()}>Recharger</button>
        </div>
      )}
      {alert && (
        <div role="alert" className="alert">
          <span>{alert}</span>
          <button type="button" onClick={() => setAlert(null)}>Fermer</button>
        </div>
      )}
      <p role="status" className="notice">{notice}</p>
      {stale.length > 0 && (
        <p className="reminder">
          {stale.length === 1 ? `L'atelier « ${stale[0]!.title} » a changé` : `${stale.length} ateliers ont changé`} depuis plus d'une
          semaine sans être exporté{stale.length > 1 ? 's' : ''} : pensez à « Sauvegarder tout » pour en garder une copie hors du navigateur.
        </p>
      )}

      <main>
        <h2>Ateliers enregistrés dans ce navigateur</h2>
        {sessions === undefined ? (
          <p>Chargement…</p>
        ) : sessions.length === 0 ? (
          <p className="empty">Aucun atelier pour l'instant. Créez-en un avec « Nouvel atelier » ou importez un fichier de session.</p>
        ) : (
          <SessionGroups
            sessions={sessions}
            onCompare={(ids) => setDialog({ kind: 'compare', preselected: ids })}
            item={(s) => (
              <li key={s.id} className="session-item">
                <div className="session-main">
                  <a href={sessionHref(s.id)} className="session-link" onClick={(e) => preloadOnLinkClick(e, s.id)}>
                    {s.title}
                  </a>
                  <span className="session-meta">
                    {[s.establishment.name, s.project.name].filter(Boolean).join(' · ')}
                  </span>
                  <span className="session-date">Modifié le {formatDateTime(s.updatedAt)}</span>
                </div>
                <MenuButton
                  label={`Actions pour ${s.title}`}
                  text="Actions"
                  items={[
                    { label: 'Renommer', onSelect: () => setDialog({ kind: 'rename', session: s }) },
                    {
                      label: 'Dupliquer',
                      onSelect: () =>
                        void guard(async () => {
                          const copy = await duplicateSession(s.id);
                          if (copy.ok) setNotice(`Atelier « ${copy.value.title} » créé.`);
                          else setAlert(copy.errors[0]!.message);
                        }),
                    },
                    { label: 'Action collective', onSelect: () => setDialog({ kind: 'collective', session: s }) },
                    { label: 'Exporter', onSelect: () => setDialog({ kind: 'export', session: s }) },
                    { label: 'Supprimer', onSelect: () => setDialog({ kind: 'delete', session: s }) },
                  ]}
                />
              </li>
            )}
          />
        )}
        <p className="storage-hint">
          Les ateliers sont enregistrés uniquement dans ce navigateur, sur cet ordinateur. Exportez-les pour en garder une copie
          ou les ouvrir ailleurs.
        </p>
        <StoragePanel />
      </main>

      {dialog?.kind === 'compare' && sessions && (
        <CompareDialog rows={sessions} preselected={dialog.preselected} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'stack' && sessions && <StackDialog rows={sessions} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'collective' && (
        <CollectiveDialog
          session={dialog.session}
          known={knownCollectives(sessions ?? [])}
          onCancel={() => setDialog(null)}
          onSave={(collective) =>
            guard(async () => {
              const saved = await updateStoredSession(dialog.session.id, (s) => setCollective(s, collective));
              if (!saved.ok) {
                setAlert(saved.errors[0]!.message);
                return;
              }
              setDialog(null);
              setNotice(
                collective
                  ? `Atelier « ${dialog.session.title} » rangé dans l'action collective « ${collective.name} ».`
                  : `Atelier « ${dialog.session.title} » retiré de son action collective.`,
              );
            })
          }
        />
      )}
      {dialog?.kind === 'export' && (
        <ExportDialog sessionId={dialog.session.id} title={dialog.session.title} onClose={() => setDialog(null)} onDone={setNotice} />
      )}
      {dialog?.kind === 'create' && (
        <CreateSessionDialog collectives={knownCollectives(sessions ?? [])} onCancel={() => setDialog(null)} onCreate={create} />
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          session={dialog.session}
          onCancel={() => setDialog(null)}
          onRename={(title) =>
            guard(async () => {
              await renameSession(dialog.session.id, title);
              setDialog(null);
              setNotice(`Atelier renommé en « ${title} ».`);
            })
          }
        />
      )}
      {dialog?.kind === 'delete' && (
        <Modal
          role="alertdialog"
          title={`Supprimer « ${dialog.session.title} » ?`}
          description="L'atelier et ses deux cartographies seront effacés de ce navigateur. Cette action ne peut pas être annulée : exportez-le d'abord pour en garder une copie."
          onClose={() => setDialog(null)}
        >
          <div className="actions">
            <button type="button" autoFocus onClick={() => setDialog(null)}>Annuler</button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void guard(async () => {
                  await deleteSession(dialog.session.id);
                  setDialog(null);
                  setNotice(`Atelier « ${dialog.session.title} » supprimé.`);
                })
              }
            >
              Supprimer définitivement
            </button>
          </div>
        </Modal>
      )}
      {dialog?.kind === 'import-conflict' && (
        <Modal
          role="alertdialog"
          title="Cet atelier existe déjà"
          description={`Un atelier avec le même identifiant que « ${dialog.session.title} » est déjà enregistré dans ce navigateur. Voulez-vous le remplacer par le fichier importé, ou garder les deux ?`}
          onClose={() => setDialog(null)}
        >
          <div className="actions">
            <button type="button" onClick={() => setDialog(null)}>Annuler</button>
            <button
              type="button"
              onClick={() =>
                void storeImported(async () => {
                  const copy = await importSessionAsCopy(dialog.session);
                  return `Atelier importé sous le titre « ${copy.title} ».`;
                })
              }
            >
              Garder les deux
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void storeImported(async () => {
                  await importSession(dialog.session);
                  return `Atelier « ${dialog.session.title} » remplacé par le fichier importé.`;
                })
              }
            >
              Remplacer
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}

/** Puts a session in an action collective, moves it to another, or takes it out. */
function CollectiveDialog({
  session, known, onCancel, onSave,
}: { session: SessionSummary; known: readonly Collective[]; onCancel: () => void; onSave: (c: Collective | undefined) => Promise<void> }) {
  const [draft, setDraft] = useState(() => draftOf(session.collective));
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title={`Action collective de « ${session.title} »`} onClose={onCancel}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const read = readCollective(draft);
          if (!read.ok) setError(read.message);
          else void onSave(read.value);
        }}
      >
        <CollectiveFields
          draft={draft}
          known={known}
          error={error}
          onChange={(d) => {
            setDraft(d);
            setError(null);
          }}
        />
        <p className="storage-hint">Un nom vide retire l'atelier de son action collective.</p>
        <div className="actions">
          <button type="button" onClick={onCancel}>Annuler</button>
          <button type="submit" className="primary">Enregistrer</button>
        </div>
      </form>
    </Modal>
  );
}

function RenameDialog({ session, onCancel, onRename }: { session: SessionSummary; onCancel: () => void; onRename: (title: string) => Promise<void> }) {
  const [title, setTitle] = useState(session.title);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title="Renommer l'atelier" onClose={onCancel}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problem = titleProblem(title);
          if (problem) setError(problem);
          else void onRename(title.trim());
        }}
      >
        <label htmlFor="rename-title">Titre de l'atelier</label>
        <input
          id="rename-title"
          value={title}
          maxLength={200}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'rename-error' : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
        />
        {error && <p id="rename-error" className="field-error">{error}</p>}
        <div className="actions">
          <button type="button" onClick={onCancel}>Annuler</button>
          <button type="submit" className="primary">Renommer</button>
        </div>
      </form>
    </Modal>
  );
}
