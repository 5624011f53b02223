/** A table's header row: a cell per label (an empty label leaves its cell empty). */
export function TableHead({
  labels,
  cellClassName,
  className = "text-left text-xs text-slate-500",
}: {
  labels: string[];
  cellClassName?: string;
  className?: string;
}) {
  return (
    <thead className={className}>
      <tr>
        {labels.map((label, i) => (
          <th key={i} className={cellClassName}>
            {label || null}
          </th>
        ))}
      </tr>
    </thead>
  );
}
