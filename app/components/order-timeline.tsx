import { formatDateTime, useLocale, useT } from "~/lib/i18n";
import type { MessageKey } from "~/lib/i18n";

/** The moments of an order as the orders table keeps them (null: not happened). */
export interface OrderTimelineData {
  status: string;
  createdAt: Date | string;
  confirmedAt?: Date | string | null;
  shippedAt?: Date | string | null;
  deliveredAt?: Date | string | null;
  completedAt?: Date | string | null;
  cancelledAt?: Date | string | null;
  carrier?: string | null;
  trackingNumber?: string | null;
}

type StepName = "placed" | "confirmed" | "shipped" | "delivered" | "completed" | "cancelled";

interface TimelineStep {
  name: StepName;
  at: Date | string | null;
}

const STEP_LABEL: Record<StepName, MessageKey> = {
  placed: "journey.timeline.placed",
  confirmed: "journey.timeline.confirmed",
  shipped: "journey.timeline.shipped",
  delivered: "journey.timeline.delivered",
  completed: "journey.timeline.completed",
  cancelled: "journey.timeline.cancelled",
};

/**
 * The steps to show: those that happened with their times; a step skipped on the way (a
 * pickup order is never shipped) is left out; the steps still ahead follow, without a time,
 * unless the order was cancelled, which ends it.
 */
export function timelineSteps(order: OrderTimelineData): TimelineStep[] {
  const path: TimelineStep[] = [
    { name: "placed", at: order.createdAt },
    { name: "confirmed", at: order.confirmedAt ?? null },
    { name: "shipped", at: order.shippedAt ?? null },
    { name: "delivered", at: order.deliveredAt ?? null },
    { name: "completed", at: order.completedAt ?? null },
  ];
  let lastDone = 0;
  path.forEach((step, index) => {
    if (step.at) lastDone = index;
  });
  const happened = path.slice(0, lastDone + 1).filter((step) => step.at);
  if (order.status === "cancelled" || order.cancelledAt) {
    return [...happened, { name: "cancelled", at: order.cancelledAt ?? null }];
  }
  return [...happened, ...path.slice(lastDone + 1)];
}

/**
 * An order's progress with times (placed, confirmed, shipped with carrier and tracking
 * number, delivered, completed or cancelled), on the buyer's and the producer's order pages.
 */
export function OrderTimeline({ order }: { order: OrderTimelineData }) {
  const t = useT();
  const locale = useLocale();
  const steps = timelineSteps(order);
  return (
    <section aria-labelledby="order-timeline-title" className="text-sm">
      <h2 id="order-timeline-title" className="font-semibold">
        {t("journey.timeline.title")}
      </h2>
      <ol className="mt-2 space-y-2 border-l-2 border-stone-200 pl-4">
        {steps.map((step) => {
          const isDone = step.at !== null;
          const isCancel = step.name === "cancelled";
          return (
            <li key={step.name} data-step={step.name} className="relative">
              <span
                aria-hidden="true"
                className={`absolute top-1 -left-[1.4rem] h-3 w-3 rounded-full border-2 border-white ${
                  isCancel ? "bg-rose-700" : isDone ? "bg-brand-700" : "bg-stone-300"
                }`}
              />
              <p className={isDone ? "font-medium text-stone-900" : "text-stone-600"}>
                <span className="sr-only">
                  {isDone ? t("journey.timeline.done") : t("journey.timeline.pending")}{" "}
                </span>
                {t(STEP_LABEL[step.name])}
                {step.at ? (
                  <>
                    {" · "}
                    <time dateTime={new Date(step.at).toISOString()} className="font-normal">
                      {formatDateTime(step.at, locale)}
                    </time>
                  </>
                ) : (
                  <span className="font-normal"> · {t("journey.timeline.notYet")}</span>
                )}
              </p>
              {step.name === "shipped" && step.at && (order.carrier || order.trackingNumber) ? (
                <p className="text-stone-700">
                  {order.carrier ? t("journey.timeline.carrier", { carrier: order.carrier }) : null}
                  {order.carrier && order.trackingNumber ? " · " : null}
                  {order.trackingNumber
                    ? t("journey.timeline.tracking", { number: order.trackingNumber })
                    : null}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
