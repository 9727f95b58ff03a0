/** Storage failures, told in French. */

/** Is this error (or the error Dexie wrapped it in) the browser saying the disk is full? */
export function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export function storageErrorMessage(error: unknown): string {
  if (isQuotaError(error)) {
    return "L'espace de stockage du navigateur est plein : les dernières modifications ne sont pas enregistrées. Exportez l'atelier pour ne rien perdre, puis libérez de la place.";
  }
  const name = (error as { name?: unknown })?.name;
  if (name === 'VersionError' || name === 'DatabaseClosedError') {
    return "La base de données a été mise à jour par un autre onglet : rechargez la page pour continuer à enregistrer.";
  }
  return `L'enregistrement a échoué (${error instanceof Error ? error.message : String(error)}).`;
}
