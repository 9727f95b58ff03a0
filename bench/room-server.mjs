// @ts-check
/**
 * The room server for the load bench (bench/room-load.spec.ts), in a process of its own so that
 * its memory and processor time are its own, not the clients'. Answers the spec over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startRoom } from '../server/room.mjs';

const send = (/** @type {object} */ message) => process.send?.(message);
let lines = 0;
const room = await startRoom({
  dataDir: /** @type {string} */ (process.env.ROOM_DATA),
  distDir: /** @type {string} */ (process.env.ROOM_DIST),
  log: () => {
    lines += 1;
  },
  // Every bench client comes from 127.0.0.1: the per-address connection throttle is lifted.
  limits: { connectionsPerMinute: 100_000 },
});

// How long the server's event loop was held up: every message waits behind it.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();

function usage() {
  // --expose-gc: memory is read after a collection, so that it is what the room holds.
  /** @type {{ gc?: () => void }} */ (globalThis).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  const loop = { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  loopDelay.reset();
  return { loop, rss, heapUsed, cpuMs: (user + system) / 1000, documents: room.hocuspocus.getDocumentsCount(), connections: room.hocuspocus.getConnectionsCount(), logLines: lines };
}

process.on('message', async (/** @type {{ type: string, names?: string[] }} */ message) => {
  if (message.type === 'usage') send({ type: 'usage', usage: usage() });
  if (message.type === 'state') {
    const states = Object.fromEntries(
      (message.names ?? []).map((name) => {
        const doc = room.hocuspocus.documents.get(name);
        return [name, doc ? JSON.stringify(doc.getMap('steps').toJSON()) : null];
      }),
    );
    send({ type: 'state', states });
  }
  if (message.type === 'close') {
    await room.close();
    send({ type: 'closed' });
    process.exit(0);
  }
});

send({ type: 'ready', origin: room.origin, editToken: room.editToken, projectorToken: room.projectorToken });
