import type { ReactNode } from "react";
import { FormSuccess } from "~/components/auth-form";

/** An error about the page's last action (a refused photo, a step the state does not allow). */
export function Alert({
  children,
  className = "mt-4",
}: {
  children: ReactNode;
  className?: string;
}) {
  return (
    <p
      role="alert"
      className={`${className} rounded-lg border border-red-300 bg-red-50 px-4 py-3 font-medium text-red-800`}
    >
      {children}
    </p>
  );
}

/** What the page's last action did: its success notice, then any error it reported. */
export function ActionOutcome({ notice, error }: { notice: ReactNode; error: ReactNode }) {
  return (
    <>
      {notice ? (
        <div className="mt-4">
          <FormSuccess>{notice}</FormSuccess>
        </div>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </>
  );
}
