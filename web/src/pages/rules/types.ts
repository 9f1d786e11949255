// Rules as /v1/rules answers them (`hudud rules list/fields/test --json`).
export interface RuleVersion {
  name: string;
  version: number;
  state: 'draft' | 'active' | 'retired';
  expression: string;
  justification: string;
  owner: string;
  created_by: string;
  created_at: string;
  activated_by: string;
  activated_at: string;
  retired_at: string;
}

export interface RuleField {
  name: string;
  type: string;
  list: boolean;
  meaning: string;
}

export interface RuleTestResult {
  rule: string;
  expression: string;
  flights: number;
  unreadable: number;
  travellers: number;
  hits: number;
  flights_hit: number;
  results: {
    manifest: number;
    flight: string;
    format: string;
    travellers: number;
    hits: { traveller: string; explanation: string }[];
  }[];
}

// What the editor holds: a rule being written.
export interface Draft {
  name: string;
  expression: string;
  justification: string;
  owner: string;
}
