// Placeholder until the screen is built.
export function AlertView(_props: { params: Record<string, string> }) {
  return <p>AlertView</p>;
}
