// Placeholder until the screen is built.
export function UnmaskPage(_props: { params: Record<string, string> }) {
  return <p>UnmaskPage</p>;
}
