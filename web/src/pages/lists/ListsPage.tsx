// Placeholder until the screen is built.
export function ListsPage(_props: { params: Record<string, string> }) {
  return <p>ListsPage</p>;
}
