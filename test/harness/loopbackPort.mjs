// A TCP port on 127.0.0.1: the preferred one when it is free, else one the OS picks.
import { createServer } from 'node:net';

/** @param {number} port @returns {Promise<number>} the bound port, or 0 when that port is taken */
function tryListen(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(0));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(bound));
    });
  });
}

/**
 * @param {number} [preferred] e.g. 8080; 0 or absent: any free port
 * @returns {Promise<number>}
 */
export async function loopbackPort(preferred = 0) {
  const port = preferred > 0 ? await tryListen(preferred) : 0;
  if (port > 0) return port;
  const any = await tryListen(0);
  if (any === 0) throw new Error('no free TCP port on 127.0.0.1');
  return any;
}
