// The console's only way to the server: the public HTTP API under /v1, with
// the session cookie the sign-in set, the purpose of the reading in
// X-Purpose, and problem+json errors turned into ApiError.
export interface Problem {
  type?: string;
  title?: string;
  detail?: string;
  status?: number;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
  // The problem's short code ("forbidden", "four-eyes", ...).
  get code(): string {
    const t = this.problem.type ?? '';
    return t.slice(t.lastIndexOf('/') + 1);
  }
}

export interface RequestOptions {
  method?: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown; // JSON-encoded unless it is a Blob/File/string
  contentType?: string;
  purpose?: string | null;
  signal?: AbortSignal;
}

// Called when the server answers 401: the session ended.
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(f: (() => void) | null): void {
  onUnauthorized = f;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === null || v === undefined || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof Blob || typeof opts.body === 'string') {
    body = opts.body;
    headers['Content-Type'] = opts.contentType ?? 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  if (opts.purpose) headers['X-Purpose'] = opts.purpose;
  const res = await fetch(buildUrl(path, opts.query), {
    method: opts.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (!res.ok) {
    let problem: Problem = { status: res.status };
    try {
      problem = { ...(await res.json()), status: res.status };
    } catch {
      // not JSON: keep the status
    }
    if (res.status === 401 && onUnauthorized && !path.startsWith('/v1/session')) onUnauthorized();
    throw new ApiError(res.status, problem);
  }
  return res;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await res.json()) as T;
  return (await res.text()) as unknown as T;
}

// For exports: the answer as text (CSV, GraphML, XML).
export async function apiText(path: string, opts: RequestOptions = {}): Promise<string> {
  const res = await send(path, opts);
  return res.text();
}

// Offers `text` as a file download.
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface Me {
  user: string;
  role: string;
  organisation: string | null;
  permissions: string[];
  purposes: { code: string; description: string }[];
  language: string | null;
}

export function can(me: Me | null, permission: string): boolean {
  return !!me && me.permissions.includes(permission);
}
