// Latin transliterations of names in other scripts, asked of the server's
// own engine (POST /v1/transliterate, the same tables the matcher uses) in
// batches and cached for the tab.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';

// Whether `s` has letters outside the Latin script.
export function isNonLatin(s: string): boolean {
  return /[\u0370-\u03FF\u0400-\u052F\u0590-\u08FF\u0900-\u0DFF\u0E00-\u0FFF\u1100-\u11FF\u3040-\u9FFF\uAC00-\uD7AF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(
    s,
  );
}

const cache = new Map<string, string>();
const waiting = new Map<string, ((latin: string | null) => void)[]>();
let timer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  timer = null;
  const names = [...waiting.keys()].slice(0, 500);
  const callbacks = names.map((n) => waiting.get(n) ?? []);
  names.forEach((n) => waiting.delete(n));
  if (waiting.size > 0) timer = setTimeout(flush, 0);
  api<{ latin: string[] }>('/v1/transliterate', { body: { names } })
    .then((r) => {
      names.forEach((n, i) => {
        const l = r.latin[i] ?? null;
        if (l !== null) cache.set(n, l);
        callbacks[i].forEach((cb) => cb(l));
      });
    })
    .catch(() => callbacks.forEach((cbs) => cbs.forEach((cb) => cb(null))));
}

export function transliterate(name: string): Promise<string | null> {
  if (!name || !isNonLatin(name)) return Promise.resolve(null);
  const hit = cache.get(name);
  if (hit !== undefined) return Promise.resolve(hit);
  return new Promise((resolve) => {
    const list = waiting.get(name) ?? [];
    list.push(resolve);
    waiting.set(name, list);
    if (!timer) timer = setTimeout(flush, 10);
  });
}

// The Latin form of `name`, or null while unknown or when it is Latin.
export function useLatin(name: string | null | undefined): string | null {
  const [latin, setLatin] = useState<string | null>(name ? cache.get(name) ?? null : null);
  useEffect(() => {
    let live = true;
    if (!name) {
      setLatin(null);
      return;
    }
    transliterate(name).then((l) => live && setLatin(l));
    return () => {
      live = false;
    };
  }, [name]);
  return latin;
}
