/** Sessions finished per minute, oldest first, as bars. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const width = values.length * 4;
  return (
    <svg viewBox={`0 0 ${width} 32`} preserveAspectRatio="none" role="img" aria-label={label} className="h-10 w-full">
      {values.map((v, i) => {
        const h = v === 0 ? 1 : Math.max(3, (v / max) * 32);
        return (
          <rect key={i} x={i * 4} y={32 - h} width={3} height={h} rx={0.5} className={v === 0 ? "fill-line" : "fill-accent"}>
            <title>{`${values.length - i} min ago: ${v}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
