export function JsonView({ value, label }: { value: unknown; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className="max-h-80 overflow-auto rounded-md bg-raised p-3 font-mono text-xs leading-5 text-ink"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
