/** An error message: its first line, with the rest (a stack, say) behind a disclosure. */
export function ErrorDetails({ message }: { message: string | null }) {
  if (!message) return <span className="muted">—</span>;
  const [firstLine = message] = message.split('\n');
  return (
    <details className="job-error">
      <summary>{firstLine}</summary>
      <pre>{message}</pre>
    </details>
  );
}
