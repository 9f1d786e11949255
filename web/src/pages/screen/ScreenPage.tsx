// Placeholder until the screen is built.
export function ScreenPage(_props: { params: Record<string, string> }) {
  return <p>ScreenPage</p>;
}
