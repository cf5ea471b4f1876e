/** A task's progress: a bar and its percentage in words (the bar alone says nothing to a screen reader). */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, percent));
  return (
    <div className="space-y-1">
      <div className="flex justify-between text-sm">
        <span className="text-stone-700">{label}</span>
      </div>
      <div className="h-3 w-full overflow-hidden rounded-full bg-stone-100" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-label={label}>
        <div className={`h-full rounded-full ${value >= 100 ? "bg-green-600" : "bg-hall-600"}`} style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}
