// Placeholder until the screen is built.
export function DesignationsPage(_props: { params: Record<string, string> }) {
  return <p>DesignationsPage</p>;
}
