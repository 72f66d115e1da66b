import { Link } from "~/components/link";
import type { ReactNode } from "react";

/** What a list shows when it has nothing: say so plainly and offer the next step. */
export function EmptyState({
  title,
  body,
  action,
  headingLevel = 2,
}: {
  title: string;
  body?: ReactNode;
  action?: { href: string; label: string };
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="rounded-xl border border-dashed border-stone-300 bg-white px-4 py-10 text-center">
      <Heading className="text-lg font-semibold text-stone-900">{title}</Heading>
      {body ? <p className="mx-auto mt-2 max-w-prose text-stone-700">{body}</p> : null}
      {action ? (
        <Link
          to={action.href}
          className="mt-5 inline-block rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
        >
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
