// Placeholder until the screen is built.
export function IndicatorsPage(_props: { params: Record<string, string> }) {
  return <p>IndicatorsPage</p>;
}
