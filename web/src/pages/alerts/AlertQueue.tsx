// Placeholder until the screen is built.
export function AlertQueue(_props: { params: Record<string, string> }) {
  return <p>AlertQueue</p>;
}
