import type { ReactNode } from "react";

/** A titled box of a workspace or staff page (photos, actions, a decision). */
export function Panel({
  titleId,
  title,
  hint,
  anchor,
  children,
}: {
  titleId: string;
  title: string;
  hint?: string;
  /** The section's id, for links that jump to it (`#anh`). */
  anchor?: string;
  children: ReactNode;
}) {
  return (
    <section
      id={anchor}
      aria-labelledby={titleId}
      className="mt-8 rounded-xl border border-stone-200 bg-white p-4"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      {hint ? <p className="text-sm text-stone-600">{hint}</p> : null}
      {children}
    </section>
  );
}
