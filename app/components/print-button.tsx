import { useEffect, useState } from "react";

/**
 * A button that opens the browser's print dialog. Printing needs JavaScript: without it the
 * button would do nothing, so it shows once hydrated.
 */
export function PrintButton({ label }: { label: string }) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(true), []);
  if (!canPrint) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white print:hidden"
    >
      {label}
    </button>
  );
}
