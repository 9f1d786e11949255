// Placeholder until the screen is built.
export function RedressPage(_props: { params: Record<string, string> }) {
  return <p>RedressPage</p>;
}
