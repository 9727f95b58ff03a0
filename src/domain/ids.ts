/** New ids that satisfy the format's id pattern (^[A-Za-z0-9_-]{1,64}$). */
export function newId(prefix = ''): string {
  const uuid = globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 20);
  return prefix ? `${prefix}-${uuid}` : uuid;
}
