/** A small progress bar on stderr (only when stderr is a TTY, or when forced). */
export interface Progress {
  update(fraction: number, label?: string): void;
  done(label?: string): void;
}

export function createProgress(title: string, opts: { force?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  const enabled = opts.force || stream.isTTY;
  let last = -1;
  const t0 = Date.now();
  const draw = (f: number, label = '') => {
    const width = 30;
    const filled = Math.round(f * width);
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    stream.write(`\r${title} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${secs}s ${label}   `);
  };
  return {
    update(f, label) {
      if (!enabled) return;
      const pct = Math.floor(f * 100);
      if (pct === last) return;
      last = pct;
      draw(Math.min(1, f), label);
    },
    done(label) {
      if (!enabled) return;
      draw(1, label);
      stream.write('\n');
    },
  };
}
