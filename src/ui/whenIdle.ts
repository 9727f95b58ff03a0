/**
 * Runs `run` once the browser is idle (at the latest after `timeoutMs`), or after `fallbackMs` where
 * there is no `requestIdleCallback`. Returns what cancels it (an effect's cleanup).
 */
export function whenIdle(run: () => void, timeoutMs: number, fallbackMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => run(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, fallbackMs);
  return () => clearTimeout(handle);
}
