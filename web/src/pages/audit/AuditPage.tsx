// Placeholder until the screen is built.
export function AuditPage(_props: { params: Record<string, string> }) {
  return <p>AuditPage</p>;
}
