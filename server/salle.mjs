#!/usr/bin/env node
// @ts-check
/**
 * `npm run salle`: opens the workshop room on this laptop (server/room.mjs) and prints the address
 * to give the participants, its QR code and the projector's link. Ctrl+C closes it cleanly.
 */
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { startRoom } from './room.mjs';

const USAGE = `Usage : npm run salle -- [--port N] [--host H] [--data DOSSIER] [--nouveaux-jetons] [--dist DOSSIER]

  --port N            port d'écoute (4300 par défaut)
  --host H            interface d'écoute : 127.0.0.1 par défaut (cet ordinateur seul) ;
                      l'adresse de l'ordinateur sur le réseau de la salle (ex. 192.168.1.20)
                      ou 0.0.0.0 (toutes les interfaces) pour accueillir les autres ordinateurs
  --data DOSSIER      où garder les documents et les jetons (salle-data/ par défaut)
  --nouveaux-jetons   nouveaux liens : les anciens ne donnent plus accès à la salle
  --dist DOSSIER      l'application construite à servir (dist/ par défaut)`;

/** @returns {{ port: number, host: string, data: string, dist: string, newTokens: boolean }} */
function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '4300' },
        host: { type: 'string', default: '127.0.0.1' },
        data: { type: 'string', default: 'salle-data' },
        'nouveaux-jetons': { type: 'boolean', default: false },
        dist: { type: 'string', default: 'dist' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Port invalide : ${values.port}\n\n${USAGE}`);
    process.exit(2);
  }
  return { port, host: values.host, data: values.data, dist: values.dist, newTokens: values['nouveaux-jetons'] };
}

const options = readOptions();
/** @type {import('./room.mjs').Room} */
let room;
try {
  room = await startRoom({ port: options.port, host: options.host, dataDir: options.data, distDir: options.dist, newTokens: options.newTokens });
} catch (error) {
  const code = /** @type {{ code?: string }} */ (error).code;
  const why =
    code === 'EADDRINUSE' ? `le port ${options.port} est déjà pris (--port pour en choisir un autre)`
    : code === 'EADDRNOTAVAIL' ? `l'adresse ${options.host} n'est pas celle de cet ordinateur (--host)`
    : error instanceof Error ? error.message : String(error);
  console.error(`La salle n'a pas pu ouvrir : ${why}`);
  process.exit(1);
}

const qr = await QRCode.toString(room.joinUrl, { type: 'terminal', small: true });
const loopback = /^(127\.|localhost$|::1$)/.test(room.host);
console.log(`
Salle ouverte. Adresse à donner aux participants (lien complet, jeton compris) :

${room.joinUrl}

${qr}
Vidéoprojecteur (lecture seule) :

${room.projectorUrl}
${room.addresses.length > 1 ? `\nAutres adresses de cet ordinateur : ${room.addresses.slice(1).join(' ')}\n` : ''}
Documents et jetons : ${room.dataDir}
${loopback ? "Écoute sur cet ordinateur seul : --host <adresse sur le réseau de la salle> pour accueillir les autres.\n" : ''}Ctrl+C ferme la salle (les documents sont enregistrés).
`);

let closing = false;
async function stop() {
  if (closing) {
    // A second Ctrl+C does not wait any longer.
    process.exit(1);
  }
  closing = true;
  await room.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
