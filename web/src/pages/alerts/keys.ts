// Keyboard shortcuts for the screens that are worked through. Keys typed
// into a field belong to the field (Escape excepted, which the handler may
// still refuse), and Enter on a button or a link does what it does there.
import { useEffect, useRef } from 'preact/hooks';

export type KeyHandlers = Record<string, (e: KeyboardEvent) => void>;

export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('input, textarea, select, [contenteditable="true"]');
}

export function useKeys(handlers: KeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (e.key !== 'Escape' && typingIn(e.target)) return;
      if (e.key === 'Enter' && (e.target as HTMLElement).closest?.('a, button')) return;
      const handler = ref.current[e.key];
      if (!handler) return;
      e.preventDefault();
      handler(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

// What the alert view needs to step through the queue in its order: the
// filters in force and the ids of the page last shown.
const QUEUE_KEY = 'hudud.alerts.queue';

export interface QueueMemory {
  filters: Record<string, string>; // the API query, without the cursor
  search: string; // the queue's address, to go back to
  ids: number[];
  selected: number | null;
}

export function rememberQueue(m: QueueMemory): void {
  sessionStorage.setItem(QUEUE_KEY, JSON.stringify(m));
}

export function recallQueue(): QueueMemory | null {
  try {
    return JSON.parse(sessionStorage.getItem(QUEUE_KEY) ?? 'null');
  } catch {
    return null;
  }
}
