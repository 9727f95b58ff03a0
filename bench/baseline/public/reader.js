// The benchmark's second connection to IndexedDB, in a worker: it polls a row on its own thread,
// so the time it reports is when the row is on disk, not when the measured page is next free.
// Messages: { watch: { db, store, key, field, value } } → { watching } once a first read is done,
// then { at } (performance.timeOrigin + performance.now()) when the row's field has the value,
// or { error } (the bench stops on it).
const connections = new Map();
const open = (name) => {
  if (!connections.has(name)) {
    connections.set(name, new Promise((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    }));
  }
  return connections.get(name);
};
const read = (db, store, key) => new Promise((resolve, reject) => {
  const req = db.transaction(store).objectStore(store).get(key);
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});
onmessage = async ({ data: { watch } }) => {
  try {
    const db = await open(watch.db);
    let row = await read(db, watch.store, watch.key);
    postMessage({ watching: true });
    const until = performance.now() + 10_000;
    while (row?.[watch.field] !== watch.value) {
      if (performance.now() > until) throw new Error(`${watch.store} ${JSON.stringify(watch.key)}: pas de ${watch.field} = ${watch.value} en 10 s`);
      row = await read(db, watch.store, watch.key);
    }
    postMessage({ at: performance.timeOrigin + performance.now() });
  } catch (error) {
    postMessage({ error: String(error) });
  }
};
