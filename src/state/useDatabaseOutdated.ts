import { useEffect, useState } from 'react';
import { isDatabaseOutdated, OUTDATED_EVENT } from './sessionsLibrary';

/** True once a newer version of the app, in another tab, took the database over: this tab must be reloaded. */
export function useDatabaseOutdated(): boolean {
  const [outdated, setOutdated] = useState(isDatabaseOutdated);
  useEffect(() => {
    const onOutdated = () => setOutdated(true);
    window.addEventListener(OUTDATED_EVENT, onOutdated);
    if (isDatabaseOutdated()) setOutdated(true);
    return () => window.removeEventListener(OUTDATED_EVENT, onOutdated);
  }, []);
  return outdated;
}
