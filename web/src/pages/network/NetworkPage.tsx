// Placeholder until the screen is built.
export function NetworkPage(_props: { params: Record<string, string> }) {
  return <p>NetworkPage</p>;
}
