/**
 * A cap on the messages one chat may send per window, counted in memory by the chat's keyed
 * hash. Each app instance counts its own share: with webhooks spread over several instances
 * the cap is per instance, which still stops one chat from flooding the database.
 */
export function chatRateLimit(options: { max: number; windowMs: number }) {
  const windows = new Map<string, { startedAt: number; count: number }>();
  let lastSweep = 0;

  function sweep(now: number): void {
    if (now - lastSweep < options.windowMs) return;
    lastSweep = now;
    for (const [key, window] of windows) {
      if (now - window.startedAt >= options.windowMs) windows.delete(key);
    }
  }

  return {
    /**
     * `allowed`, `refused-first` for the first message over the cap (worth one reply), or
     * `refused` for the rest of the window (silence: a flood gets nothing back).
     */
    take(chatKey: string, now: number): 'allowed' | 'refused-first' | 'refused' {
      sweep(now);
      const current = windows.get(chatKey);
      if (current === undefined || now - current.startedAt >= options.windowMs) {
        windows.set(chatKey, { startedAt: now, count: 1 });
        return 'allowed';
      }
      current.count += 1;
      if (current.count <= options.max) return 'allowed';
      return current.count === options.max + 1 ? 'refused-first' : 'refused';
    },
  };
}
