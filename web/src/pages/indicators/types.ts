// GET /v1/indicators: counts and durations that name nobody.
export interface PeriodIndicators {
  period: string;
  manifests: number;
  travellers_declared: number;
  travellers_screened: number;
  arriving: number | null;
  departing: number | null;
  alerts_raised: number;
  confirmed: number;
  false_positive: number;
  inconclusive: number;
  outcomes: Record<string, number>;
  median_handling_hours: number | null;
}

export interface ListIndicators {
  list: string;
  alerts: number;
  confirmed: number;
  false_positive: number;
  inconclusive: number;
  open: number;
  false_positive_rate: number | null;
}

export interface DesignationIndicators {
  list: string;
  version: number;
  generated_at: string;
  imported_at: string;
  rescreened_at: string | null;
  hours_to_import: number | null;
  seconds_to_rescreen: number | null;
  alerts_raised: number;
}

export interface Indicators {
  from: string;
  to: string;
  bucket: 'day' | 'week' | 'month';
  series: PeriodIndicators[];
  coverage: {
    travellers_declared: number;
    travellers_screened: number;
    ratio: number | null;
    arriving: number | null;
    departing: number | null;
  };
  by_list: ListIndicators[];
  designations: DesignationIndicators[];
  handling: {
    median_hours: number | null;
    p90_hours: number | null;
    open: number;
    oldest_open_hours: number | null;
  };
  retention: {
    last_run_at: string | null;
    last_run_ok: boolean | null;
    due_now: number;
    compliant: boolean;
  };
}

export const BUCKETS = ['day', 'week', 'month'] as const;
