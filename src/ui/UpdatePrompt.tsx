import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * The app works offline after one visit (service worker). A new version is announced and
 * applied only when the user chooses: never a reload under them in the middle of a workshop.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  // The "works offline" notice goes away by itself; the update offer stays until answered.
  useEffect(() => {
    if (!offlineReady) return;
    const t = setTimeout(() => setOfflineReady(false), 8000);
    return () => clearTimeout(t);
  }, [offlineReady, setOfflineReady]);
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="update-banner" role="status">
      {needRefresh ? (
        <>
          <span>Nouvelle version disponible. Vos ateliers sont enregistrés : vous pouvez mettre à jour quand vous voulez.</span>
          <button type="button" className="primary" onClick={() => void updateServiceWorker(true)}>Mettre à jour</button>
          <button type="button" onClick={() => setNeedRefresh(false)}>Plus tard</button>
        </>
      ) : (
        <>
          <span>L'application fonctionne désormais sans connexion.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>OK</button>
        </>
      )}
    </div>
  );
}
