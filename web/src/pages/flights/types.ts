// The screening answer of POST /v1/manifests and GET /v1/manifests/{id}
// (`hudud manifest screen --json`), and the kept flights' list.
export interface Flight {
  flight: string;
  carrier: string;
  number: string;
  operating?: string;
  origin: string;
  destination: string;
  departure: string | null;
  arrival: string | null;
}

export interface TravelDocument {
  type: string;
  number: string;
  issuing_country: string;
  expiry?: string;
}

export interface Reason {
  code: string;
  detail: string;
  refer: boolean;
}

export interface Hit {
  entity_id: string;
  list: string;
  score: number;
  matched_name: string;
  name_kind?: string;
  explanation?: { summary?: string };
  cleared_by_alert?: number;
}

export interface RuleHit {
  rule: string;
  version: number;
  explanation: string;
}

export interface Traveller {
  role: string;
  name: string;
  document: TravelDocument | null;
  documents?: TravelDocument[];
  dob: string | null;
  nationality: string | null;
  gender: string | null;
  booking: string | null;
  decision: 'clear' | 'refer';
  reasons: Reason[];
  hits: Hit[];
  cleared?: Hit[];
  rules: RuleHit[];
  companions: { traveller: string; via: string; value: string }[];
  findings: { segment: number; field: string; message: string }[];
}

export interface Screening {
  format: string;
  flights: Flight[];
  travellers: Traveller[];
  summary: {
    travellers: number;
    refer: number;
    clear: number;
    watchlist_hits: number;
    rule_hits: number;
    document_hits: number;
    complete: boolean;
    sensitive_deleted: number;
  };
  warnings: { segment: number; field: string; message: string }[];
  manifest?: number;
  reference?: string;
  alerts?: number;
  received_at?: string;
  received_by?: string;
}

export interface KeptFlight {
  id: number;
  format: string;
  flight: string;
  departure: string;
  travellers: number;
  received_at: string;
  received_by: string;
  depersonalised_at: string | null;
}
