/**
 * The benchmark's HTTP clients, run in a worker thread of their own (see `HttpClients` in
 * api.ts). The API under test runs on the main thread and, on SQLite, blocks its event loop for
 * every statement; clients on the same loop would read each answer late and keep their idle
 * keep-alive connections past the moment the server closes them, then send on a closed socket
 * (ECONNRESET). Real clients have event loops of their own, and so do these.
 *
 * Plain JavaScript, because a worker does not inherit tsx's compiler.
 *
 * Messages in: { id, kind: 'post', url, token, operation }
 *          or  { id, kind: 'load', url, token, operations, clients, total, prepare? }.
 * Messages out: { id, result } or { id, error }.
 */
import { parentPort } from 'node:worker_threads';

/** Sends one GraphQL operation; resolves to its JSON answer. */
async function post(url, token, operation) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(operation),
  });
  return await response.json();
}

/** A failed request in words: fetch's own error says only "fetch failed"; its cause says why (a reset, a timeout). */
function describeFailure(error) {
  const cause = error?.cause;
  return cause === undefined ? String(error) : `${String(error)}: ${cause.code ?? ''} ${cause.message ?? ''}`.trim();
}

function percentile(sorted, share) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/** Sends `total` requests from `clients` concurrent clients; each request is the operations in parallel. */
async function load({ url, token, operations, clients, total, prepare }) {
  const times = [];
  let errors = 0;
  let firstError;
  let next = 0;
  async function client() {
    while (next < total) {
      next += 1;
      if (prepare) {
        const prepared = await post(url, token, prepare).catch((error) => ({ errors: [describeFailure(error)] }));
        if (prepared.errors !== undefined) {
          errors += 1;
          firstError ??= `before the request: ${JSON.stringify(prepared.errors).slice(0, 300)}`;
        }
      }
      const started = performance.now();
      const answers = await Promise.all(operations.map((operation) => post(url, token, operation).catch((error) => ({ errors: [describeFailure(error)] }))));
      times.push(performance.now() - started);
      for (const answer of answers) {
        if (answer.errors === undefined) continue;
        errors += 1;
        firstError ??= JSON.stringify(answer.errors).slice(0, 300);
      }
    }
  }
  await Promise.all(Array.from({ length: clients }, client));
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), errors, ...(firstError === undefined ? {} : { firstError }) };
}

parentPort.on('message', async (message) => {
  try {
    const result = message.kind === 'post' ? await post(message.url, message.token, message.operation) : await load(message);
    parentPort.postMessage({ id: message.id, result });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: describeFailure(error) });
  }
});
