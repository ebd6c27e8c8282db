/** Shown while the contract loads: the header and tab shapes, so the page does not jump. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading the contract" className="animate-pulse">
      <div className="mb-4 h-4 w-28 rounded bg-slate-200" />
      <div className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <div className="mb-4 h-6 w-72 rounded bg-slate-200" />
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="space-y-2">
              <div className="h-3 w-16 rounded bg-slate-200" />
              <div className="h-4 w-32 rounded bg-slate-100" />
            </div>
          ))}
        </div>
      </div>
      <div className="mb-6 flex gap-6 border-b border-slate-200 pb-3">
        {["General", "Permissions", "Versions", "History"].map((t) => (
          <div key={t} className="h-4 w-20 rounded bg-slate-200" />
        ))}
      </div>
      <div className="h-48 rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
