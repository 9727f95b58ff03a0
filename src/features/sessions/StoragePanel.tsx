import { useEffect, useState } from 'react';
import { storageInfo, type StorageInfo } from '../../state/sessionsLibrary';
import { formatNumber, frenchSpaces, NBSP } from '../../i18n/format';

const mb = (bytes: number) => `${formatNumber(bytes / 1024 / 1024)}${NBSP}Mo`;

/** Where the data lives: whether the browser keeps it for sure, and the space used. */
export function StoragePanel() {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  useEffect(() => {
    let live = true;
    void storageInfo().then((found) => {
      if (live) setInfo(found);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!info) return null;
  return (
    <details className="panel storage-panel">
      <summary>Stockage</summary>
      <p>
        {info.persisted === true
          ? 'Le navigateur conserve ces données durablement (stockage persistant accordé).'
          : info.persisted === false
            ? frenchSpaces("Stockage non persistant : le navigateur pourrait effacer ces données s'il manque de place. Exportez vos ateliers.")
            : 'Le navigateur ne dit pas si ces données sont conservées durablement.'}
      </p>
      {info.usage !== null && (
        <p>
          {frenchSpaces('Espace utilisé :')} {mb(info.usage)}
          {info.quota ? ` sur ${mb(info.quota)} disponibles` : ''}.
        </p>
      )}
    </details>
  );
}
