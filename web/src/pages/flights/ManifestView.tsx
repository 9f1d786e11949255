// Placeholder until the screen is built.
export function ManifestView(_props: { params: Record<string, string> }) {
  return <p>ManifestView</p>;
}
