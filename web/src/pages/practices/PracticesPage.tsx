// Placeholder until the screen is built.
export function PracticesPage(_props: { params: Record<string, string> }) {
  return <p>PracticesPage</p>;
}
