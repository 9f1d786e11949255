// Placeholder until the screen is built.
export function FlightsPage(_props: { params: Record<string, string> }) {
  return <p>FlightsPage</p>;
}
