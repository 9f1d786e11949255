// Placeholder until the screen is built.
export function SharedPage(_props: { params: Record<string, string> }) {
  return <p>SharedPage</p>;
}
