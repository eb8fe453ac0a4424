/**
 * Prints the progress of long work on stderr: rewritten in place on a terminal, and at most
 * once per tenth of the work otherwise (so logs of scheduled backups stay short).
 */
export function progressPrinter(label: string, stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number, detail?: string): void; finish(detail?: string): void } {
  let lastTenth = -1;
  const line = (share: number, detail: string) => `${label}: ${share.toFixed(0)}%${detail ? ` (${detail})` : ''}`;
  return {
    update(done, total, detail = '') {
      const share = total > 0 ? Math.min(100, (100 * done) / total) : 100;
      if (stream.isTTY) {
        stream.write(`\r${line(share, detail)}   `);
        return;
      }
      const tenth = Math.floor(share / 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${line(share, detail)}\n`);
    },
    finish(detail = '') {
      if (stream.isTTY) stream.write(`\r${line(100, detail)}   \n`);
      else if (lastTenth < 10) stream.write(`${line(100, detail)}\n`);
      lastTenth = 10;
    },
  };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}
