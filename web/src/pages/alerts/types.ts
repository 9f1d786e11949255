// The alert API's shapes (docs/CASES.md) and the match explanation the
// screening engine gives (POST /v1/screen's `explanation`).
export interface TokenAlignment {
  query_token: string;
  listed_token: string;
  query_latin: string;
  listed_latin: string;
  how: string; // exact, romanized, skeleton, fuzzy, initial, legal-form
  similarity: number;
  weight: number;
}

export interface Evidence {
  field: string; // dob, nationality, document, gender
  query_value: string;
  listed_value: string;
  verdict: string; // agrees, partial, conflicts
  delta: number;
}

export interface Explanation {
  query_name: string;
  listed_name: string;
  listed_name_kind: string;
  name_score: number;
  tokens: TokenAlignment[];
  evidence: Evidence[];
  summary: string;
}

export interface Match {
  entity_id: string;
  list: string;
  score: number;
  matched_name: string;
  name_kind?: string;
  explanation: Explanation;
  cleared_by_alert?: number;
}

// A held subject (GET /v1/subjects) or a traveller as screened (the query).
export interface RawSubject {
  id?: string;
  names?: string[];
  dob?: string;
  nationality?: string;
  document?: string;
  document_country?: string;
  doc?: string;
  doc_country?: string;
  gender?: string;
  kind?: string;
  type?: string;
  flight?: string;
}

export interface Alert {
  id: number;
  status: 'open' | 'closed';
  source: string;
  case: string | null;
  subject_id: string;
  // An object; a string once retention masked it; null in the queue for held subjects.
  subject: RawSubject | string | null;
  list: string;
  entity_id: string;
  score: number;
  summary: string;
  trigger: string;
  designated_at: string | null;
  imported_at: string | null;
  raised_at: string;
  closed_at: string | null;
  closed_reason: string | null;
  assignee: string | null;
  decision: string | null;
  justification: string | null;
  decided_by: string | null;
  decided_at: string | null;
  outcome: string | null;
  flight: string | null;
  manifest: number | null;
  depersonalised: boolean;
  // Not served yet (see the report): the subject's and the listed entry's
  // names in the queue, and the hit's explanation in the alert.
  subject_name?: string;
  listed_name?: string;
  explanation?: Explanation;
}

export interface FtmEntity {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
}

export interface AlertEvent {
  id: number;
  action: string;
  actor: string;
  at: string;
  detail: string;
}

export interface AlertDetail extends Alert {
  entity: FtmEntity | null;
  events: AlertEvent[];
}

export interface AlertPage {
  alerts: Alert[];
  total: number;
  next: number | null;
}

export interface Subject {
  names: string[];
  dob: string;
  nationality: string;
  document: string;
  documentCountry: string;
  gender: string;
  kind: string;
  flight: string;
}

// Held subjects and screened travellers name their fields differently.
export function subjectOf(a: Alert): Subject | null {
  const s = a.subject;
  if (!s || typeof s === 'string') return null;
  return {
    names: s.names ?? [],
    dob: s.dob ?? '',
    nationality: s.nationality ?? '',
    document: s.document ?? s.doc ?? '',
    documentCountry: s.document_country ?? s.doc_country ?? '',
    gender: s.gender ?? '',
    kind: s.kind ?? s.type ?? '',
    flight: s.flight ?? a.flight ?? '',
  };
}

export const DECISIONS = ['false-positive', 'confirmed', 'inconclusive'] as const;
export type Decision = (typeof DECISIONS)[number];
export const OUTCOMES = ['refer', 'deny-boarding', 'freeze-report'] as const;
export const SOURCES = ['monitoring', 'screening', 'booth', 'manifest'] as const;
