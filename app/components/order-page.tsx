import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { ReactNode } from "react";
import { OrderStatusBadge } from "~/components/order-status-badge";
import { OrderTimeline, type OrderTimelineData } from "~/components/order-timeline";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import type { OrderStatusName, PaymentMethodName, RefundState } from "~/lib/orders";

/**
 * The frame of an order page, the buyer's and the workspace's: its heading, boxed sections,
 * the buttons of the next steps and the cancel form; and an order's heading in a list.
 */

/**
 * The top of an order page (buyer's or workspace's): the way back, the code with its status,
 * when it was placed (after `placedBy`, e.g. the producer's name), then what the last step
 * did (`done`) or why it could not be done (`error`), and its timeline with times.
 */
export function OrderHeader({
  backTo,
  backLabel,
  order,
  placedBy,
  done,
  error,
}: {
  backTo: string;
  backLabel: string;
  order: {
    code: string;
    status: OrderStatusName;
    paymentMethod: PaymentMethodName;
    refundState?: RefundState;
    createdAt: Date | string;
  } & Omit<OrderTimelineData, "status" | "createdAt">;
  placedBy?: string;
  done?: string | null;
  error?: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const placedAt = t("order.placedAt", { date: formatDate(order.createdAt, locale) });
  return (
    <>
      <div>
        <Link to={backTo} className="text-sm text-brand-800 underline underline-offset-2">
          {backLabel}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{t("order.title", { code: order.code })}</h1>
          <OrderStatusBadge
            status={order.status}
            paymentMethod={order.paymentMethod}
            refundState={order.refundState}
          />
        </div>
        <p className="mt-1 text-sm text-stone-700">
          {placedBy ? `${placedBy} · ${placedAt}` : placedAt}
        </p>
      </div>
      {done ? (
        <p role="status" className="rounded-lg bg-brand-50 px-4 py-3 text-brand-800">
          {done}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {error}
        </p>
      ) : null}
      <OrderTimeline order={order} />
    </>
  );
}

/** A boxed part of an order page with its heading; `highlight` draws the eye (how to pay). */
export function OrderPanel({
  id,
  title,
  highlight = false,
  children,
}: {
  id: string;
  title: string;
  highlight?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-xl border bg-white p-4 ${highlight ? "border-brand-600" : "border-stone-200"}`}
    >
      <h2 id={id} className={highlight ? "text-lg font-semibold" : "font-semibold"}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A one-button form that posts `intent` (the next step of an order). */
export function StepButton({ intent, label }: { intent: string; label: string }) {
  return (
    <Form method="post">
      <button
        type="submit"
        name="intent"
        value={intent}
        className="rounded-lg bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800"
      >
        {label}
      </button>
    </Form>
  );
}

/** The folded "cancel this order" form with its reason box; producers must give a reason. */
export function CancelOrderForm({
  title,
  reasonLabel,
  submitLabel,
  reasonRequired = false,
  className,
  children,
}: {
  title: string;
  reasonLabel: string;
  submitLabel: string;
  reasonRequired?: boolean;
  className?: string;
  /** More fields before the button (the buyer's refund account). */
  children?: ReactNode;
}) {
  return (
    <details className={className}>
      <summary className="font-medium text-rose-800">{title}</summary>
      <Form method="post" className="mt-3 space-y-2">
        <label htmlFor="cancel-reason" className="block text-sm font-medium">
          {reasonLabel}
        </label>
        <textarea
          id="cancel-reason"
          name="reason"
          required={reasonRequired}
          minLength={reasonRequired ? 3 : undefined}
          maxLength={500}
          rows={2}
          className="w-full rounded-lg border border-stone-300 px-3 py-2"
        />
        {children}
        <button
          type="submit"
          name="intent"
          value="cancel"
          className="rounded-lg border border-rose-700 px-4 py-2 font-semibold text-rose-800 hover:bg-rose-50"
        >
          {submitLabel}
        </button>
      </Form>
    </details>
  );
}

/** An order in a list: its code as the link to its page, and its status. */
export function OrderListHeading({
  href,
  order,
}: {
  href: string;
  order: {
    code: string;
    status: OrderStatusName;
    paymentMethod: PaymentMethodName;
    refundState?: RefundState;
  };
}) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <Link to={href} className="font-semibold text-brand-800 underline underline-offset-2">
        {t("orders.view", { code: order.code })}
      </Link>
      <OrderStatusBadge
        status={order.status}
        paymentMethod={order.paymentMethod}
        refundState={order.refundState}
      />
    </div>
  );
}
