// Placeholder until the screen is built.
export function PracticeView(_props: { params: Record<string, string> }) {
  return <p>PracticeView</p>;
}
