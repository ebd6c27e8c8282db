import type { ReactNode } from "react";

export type Column = string | { label: string; align?: "right" };

/** The bordered table with a header row that the app's data tables share. */
export function TableShell({ headers, caption, children }: { headers: Column[]; caption?: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-50">
          <tr>
            {headers.map((h) => {
              const { label, align } = typeof h === "string" ? { label: h, align: undefined } : h;
              return (
                <th key={label} scope="col" className={`px-4 py-3 font-medium whitespace-nowrap text-slate-600 ${align === "right" ? "text-right" : "text-left"}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
