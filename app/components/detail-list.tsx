import type { ReactNode } from "react";

/** A bordered list of label → value rows (product facts, request terms, order details). */
export function DetailList({ children }: { children: ReactNode }) {
  return (
    <dl className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white text-sm">
      {children}
    </dl>
  );
}

export function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4 gap-y-1 px-3 py-2">
      <dt className="text-stone-600">{label}</dt>
      <dd className="text-right text-stone-900">{children}</dd>
    </div>
  );
}
