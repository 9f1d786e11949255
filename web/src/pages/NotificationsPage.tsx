// Placeholder until the screen is built.
export function NotificationsPage(_props: { params: Record<string, string> }) {
  return <p>NotificationsPage</p>;
}
