// Placeholder until the screen is built.
export function RulesPage(_props: { params: Record<string, string> }) {
  return <p>RulesPage</p>;
}
