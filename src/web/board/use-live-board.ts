import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, BoardResponse } from '../api/api-client.ts';

/** Rereads without a notice too: a notice lost on the way is repaired within this. */
const rereadMs = 30_000;

export type LiveBoard =
  | { state: 'loading' }
  | { state: 'failed'; error: unknown }
  | { state: 'ready'; board: BoardResponse; live: boolean; now: Date };

/**
 * The board, read again whenever the server's event stream says it changed (a report, a page, a
 * timeline event on any app instance), and every 30 seconds regardless. `now` moves with each
 * reread, so the times since detention stay current.
 */
export function useLiveBoard(api: ApiClient): { view: LiveBoard; reload: () => void } {
  const [view, setView] = useState<LiveBoard>({ state: 'loading' });
  const [live, setLive] = useState(false);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const events = new EventSource('/api/v1/board/events');
    events.addEventListener('open', () => setLive(true));
    events.addEventListener('error', () => setLive(false));
    events.addEventListener('board', reload);
    return () => events.close();
  }, [reload]);

  useEffect(() => {
    const timer = setInterval(reload, rereadMs);
    return () => clearInterval(timer);
  }, [reload]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: each generation is one reread
  useEffect(() => {
    let current = true;
    api.board().then(
      (board) => current && setView({ state: 'ready', board, live: false, now: new Date() }),
      (error: unknown) => current && setView({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, generation]);

  return { view: view.state === 'ready' ? { ...view, live } : view, reload };
}
