// A tripwire for tests: load with `node --import ./test/helpers/loopback-only.mjs ...`. Every TCP
// connection (net, http, fetch/undici, tls all end in net.Socket.prototype.connect) and every DNS
// lookup of a name other than localhost is refused, and a line naming it is appended to the file
// in FEEDLENS_NET_LOG. A test then proves "no request left 127.0.0.1" by finding that file absent.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const LOG = process.env.FEEDLENS_NET_LOG;

function isLoopback(host) {
  if (host === undefined || host === null || host === '' || host === 'localhost') return true;
  const bare = String(host).replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}

function refuse(what) {
  const line = `pid ${process.pid} refused ${what}\n`;
  if (LOG) appendFileSync(LOG, line);
  const error = new Error(`loopback-only: refused ${what}`);
  error.code = 'ECONNREFUSED';
  return error;
}

/** net.Socket#connect(options | port[, host] | path[, callback]) → the host it would reach. */
function target(args) {
  const [first, second] = Array.isArray(args[0]) ? args[0] : args;
  if (typeof first === 'object' && first !== null) {
    if (first.path !== undefined) return { local: true };
    return { host: first.host ?? 'localhost', port: first.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { local: true }; // a socket path
  return { host: typeof second === 'string' ? second : 'localhost', port: first };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const to = target(args);
  if (to.local || isLoopback(to.host)) return connect.apply(this, args);
  const error = refuse(`a connection to ${to.host}:${to.port}`);
  process.nextTick(() => this.destroy(error));
  return this;
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (isLoopback(hostname)) return lookup.call(this, hostname, ...rest);
  const callback = rest.at(-1);
  const error = refuse(`a DNS lookup of ${hostname}`);
  if (typeof callback === 'function') process.nextTick(() => callback(error));
  return {};
};
const lookupPromise = dns.promises.lookup;
dns.promises.lookup = async function (hostname, ...rest) {
  if (isLoopback(hostname)) return lookupPromise.call(this, hostname, ...rest);
  throw refuse(`a DNS lookup of ${hostname}`);
};
// `import { lookup } from 'node:dns'` elsewhere sees the patched function too.
syncBuiltinESMExports();
