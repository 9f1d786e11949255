// Lists, versions, differences and entries as /v1/lists answers them, and
// designation proposals as /v1/designations does.
export interface ListVersion {
  version: number;
  format: string;
  source?: string;
  sha256: string;
  generated_at: string;
  imported_at: string;
  entities: number;
  names?: number;
  documents?: number;
  active?: boolean;
}

export interface ListInfo {
  list: string;
  versions: number;
  active: ListVersion | null;
}

export interface ListDiff {
  list: string;
  from: number;
  to: number;
  added: string[];
  removed: string[];
  changed: { id: string; fields: string[] }[];
}

export interface Place {
  street?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  country_code?: string;
  note?: string;
}

// An entry in its stored form (src/store/entity_json.cc).
export interface Entity {
  id: string;
  list_id?: string;
  reference?: string;
  kind: string;
  names?: { full: string; kind: string; note?: string }[];
  dob?: { kind: string; from?: string; to?: string; note?: string }[];
  pob?: Place[];
  nationalities?: { text?: string; country_code?: string }[];
  gender?: string;
  documents?: {
    type?: string;
    number?: string;
    issuing_country?: string;
    country_code?: string;
    note?: string;
  }[];
  addresses?: Place[];
  designations?: string[];
  program?: string;
  listed_on?: string;
  comments?: string;
}

export interface ImportSummary {
  list: string;
  version: number;
  previous_version: number;
  entities: number;
  unchanged: boolean;
  added: number;
  changed: number;
  removed: number;
  names_added: number;
  names_removed: number;
  documents_added: number;
  documents_removed: number;
  rescreen?: { subjects: number; alerts_raised: number; alerts_closed: number };
}

export interface Proposal {
  id: number;
  list: string;
  entity_id: string;
  action: 'designate' | 'amend' | 'delist';
  state: 'proposed' | 'approved' | 'rejected' | 'published';
  name: string;
  reasons: string;
  evidence: string[];
  proposed_by: string;
  proposed_at: string;
  decided_by: string;
  decided_at: string;
  decision_note: string;
  published_at: string;
  published_version: number;
  entity?: Entity;
  events?: { action: string; actor: string; at: string; detail: string }[];
}

export interface PublishSummary {
  list: string;
  version: number;
  added: number;
  changed: number;
  removed: number;
  proposals: number[];
  rescreen?: { alerts_raised: number; alerts_closed: number };
}
