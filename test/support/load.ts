import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/** One GraphQL error as the API sends it. */
export interface GraphqlProblem {
  message: string;
  extensions?: { code?: string; field?: string };
}

/** One request as the load saw it: when it ended, how long it took and what went wrong, if anything. */
export interface Sample {
  /** Milliseconds since the load started, at the answer. */
  at: number;
  ms: number;
  operation: string;
  /** A non-200 status, a GraphQL error or a broken connection; null when the answer was whole. */
  failure: string | null;
}

/** A request that did not get a whole answer; the sample is recorded before this is thrown. */
export class LoadFailure extends Error {}

/**
 * Sends GraphQL requests over a pool of keep-alive connections on loopback and records the
 * latency and outcome of each. Any HTTP status other than 200 and any GraphQL error counts as a
 * failure: a load run that expects none asserts on `failures()`.
 */
export class GraphqlLoad {
  readonly samples: Sample[] = [];
  private readonly agent: Agent;
  private readonly endpoint: URL;
  private readonly started = performance.now();

  constructor(appUrl: string, connections: number) {
    this.endpoint = new URL('/graphql', appUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Milliseconds since the load started. */
  elapsed(): number {
    return performance.now() - this.started;
  }

  /** Sends one operation with a session token and returns its data, or throws LoadFailure after recording it. */
  async send<Data>(operation: string, query: string, variables: Record<string, unknown>, token: string): Promise<Data> {
    const begun = performance.now();
    let failure: string | null = null;
    let data: Data | undefined;
    try {
      const { status, body } = await this.post(JSON.stringify({ query, variables }), token);
      if (status !== 200) {
        failure = `HTTP ${status}: ${body.slice(0, 300)}`;
      } else {
        const answer = JSON.parse(body) as { data?: Data; errors?: GraphqlProblem[] };
        if (answer.errors !== undefined) failure = `${answer.errors[0]?.extensions?.code ?? 'ERROR'}: ${answer.errors[0]?.message ?? JSON.stringify(answer.errors)}`;
        else data = answer.data;
      }
    } catch (error) {
      failure = `connection: ${String(error)}`;
    }
    const ended = performance.now();
    this.samples.push({ at: ended - this.started, ms: ended - begun, operation, failure });
    if (failure !== null || data === undefined) throw new LoadFailure(`${operation}: ${failure ?? 'no data'}`);
    return data;
  }

  failures(): Sample[] {
    return this.samples.filter((sample) => sample.failure !== null);
  }

  close(): void {
    this.agent.destroy();
  }

  private post(payload: string, token: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const outgoing = request(
        this.endpoint,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(payload);
    });
  }
}

/** The value at a share (0–1) of sorted numbers, nearest rank; NaN when there are none. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** A process's resident memory and the CPU time it has used, read from /proc (Linux). */
export interface ProcessUsage {
  /** Milliseconds since the load started. */
  at: number;
  rssBytes: number;
  cpuMs: number;
}

/** Reads VmRSS from /proc/<pid>/status and user plus system time from /proc/<pid>/stat. */
export function processUsage(pid: number, at: number): ProcessUsage {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKilobytes = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  if (!Number.isFinite(rssKilobytes)) throw new Error(`processUsage: no VmRSS line in /proc/${pid}/status`);
  // The command name, in parentheses, may hold spaces: the fields that follow it are fixed.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; in clock ticks of 1/100 s on Linux.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { at, rssBytes: rssKilobytes * 1024, cpuMs: ticks * 10 };
}
