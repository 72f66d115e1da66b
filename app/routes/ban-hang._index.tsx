import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { formatDate, formatNumber, useLocale, useT, type MessageKey } from "~/lib/i18n";
import { titledPage } from "~/lib/i18n/meta";
import { formatVnd } from "~/lib/money";
import { requireProducerActor } from "~/modules/auth/session.server";
import { getDb } from "~/modules/platform/db.server";
import { handle } from "~/modules/platform/http.server";
import { getWorkspaceHome } from "~/modules/producers/home.server";
import { RESUBMIT_PATH } from "~/modules/producers/resubmission.server";
import { membershipAllows } from "~/modules/team/access";
import { LISTING_STATUSES, TEAM_PERMISSIONS, type TeamPermission } from "~db/schema";

export const meta: MetaFunction = titledPage("workspace.title");

/**
 * The producer workspace home: for each of her producers, what waits for her (each item
 * links to the page that shows it), her sales this month, verification and listings.
 */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireProducerActor(request);
  return {
    // What she may open of each producer's work (a team member): the rest is not shown.
    producers: getWorkspaceHome(getDb(), actor).map((producer) => {
      const membership = actor.producers.find((m) => m.producerCode === producer.code);
      const may = TEAM_PERMISSIONS.filter(
        (need) => !membership || membershipAllows(membership, need),
      );
      // Without the statement her page does not get the money figures at all.
      const sales = may.includes("statement")
        ? producer.sales
        : { ...producer.sales, salesVnd: 0, completedOrders: 0 };
      return { ...producer, sales, may };
    }),
    statuses: LISTING_STATUSES,
    resubmitPath: RESUBMIT_PATH,
  };
});

type HomeProducer = ReturnType<typeof useLoaderData<typeof loader>>["producers"][number];

/** An order inbox address filtered to one producer and stage (and payment method). */
function ordersHref(code: string, stage: string, paymentMethod?: string): string {
  const query = new URLSearchParams({ "trang-thai": stage });
  if (paymentMethod) query.set("thanh-toan", paymentMethod);
  query.set("nsx", code);
  return `/ban-hang/don-hang?${query.toString()}`;
}

/** What waits for her, as links; only the items with something waiting. */
function todoItems(
  producer: HomeProducer,
): { key: MessageKey; count: number; href: string; amountVnd?: number }[] {
  const { todo, code } = producer;
  const items: {
    key: MessageKey;
    count: number;
    href: string;
    amountVnd?: number;
    need: TeamPermission;
  }[] = [
    {
      key: "daily.home.ordersToAccept" as const,
      need: "orders" as const,
      count: todo.ordersToAccept,
      href: ordersHref(code, "awaiting_acceptance"),
    },
    {
      key: "daily.home.transfersToCheck" as const,
      need: "orders" as const,
      count: todo.transfersToCheck,
      href: ordersHref(code, "pending_payment", "bank_transfer"),
    },
    {
      key: "daily.home.ordersToShip" as const,
      need: "orders" as const,
      count: todo.ordersToShip,
      href: ordersHref(code, "confirmed"),
    },
    {
      key: "daily.home.ordersToDeliver" as const,
      need: "orders" as const,
      count: todo.ordersToDeliver,
      href: ordersHref(code, "shipping"),
    },
    {
      key: "daily.home.refundsToMake" as const,
      need: "statement" as const,
      count: todo.refundsToMake.count,
      href: "/ban-hang/hoan-tien",
      amountVnd: todo.refundsToMake.amountVnd,
    },
    {
      key: "daily.home.requestsToAnswer" as const,
      need: "orders" as const,
      count: todo.requestsToAnswer,
      href: `/ban-hang/yeu-cau?nsx=${encodeURIComponent(code)}`,
    },
    {
      key: "daily.home.listingsSentBack" as const,
      need: "listings" as const,
      count: todo.listingsSentBack,
      href: "/ban-hang/san-pham?trang-thai=changes_requested",
    },
  ];
  return items.filter((item) => item.count > 0 && producer.may.includes(item.need));
}

export default function WorkspaceHome() {
  const { producers } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <h1 className="text-2xl font-bold text-stone-900">{t("workspace.title")}</h1>
      <p className="mt-1 text-stone-700">{t("workspace.intro")}</p>
      <ul className="mt-6 space-y-4">
        {producers.map((producer) => (
          <li key={producer.code}>
            <ProducerHome producer={producer} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One producer: standing, what waits, sales this month, listings per status. */
function ProducerHome({ producer }: { producer: HomeProducer }) {
  const { statuses, resubmitPath } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const items = todoItems(producer);
  const certificates = producer.may.includes("listings") ? producer.todo.expiringCertificates : [];
  const [year, month] = producer.sales.month.split("-");
  const headingId = `producer-${producer.code}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-stone-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {producer.name}
        </h2>
        <span className="text-sm text-stone-600">{t(`workspace.role.${producer.role}`)}</span>
      </div>
      <p className="text-sm text-stone-700">
        {t(`producerKind.${producer.kind}`)} · {producer.commune}
      </p>
      <p className="mt-3 text-sm">
        <span className="text-stone-600">{t("workspace.verification")}: </span>
        <strong>{t(`verification.${producer.verificationStatus}`)}</strong>
      </p>
      {producer.verificationStatus === "pending" ? (
        <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("workspace.pendingNotice")}
        </p>
      ) : null}
      {producer.verificationStatus === "changes_requested" ? (
        <p className="mt-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("daily.home.changesRequested")}{" "}
          <Link
            to={`${resubmitPath}?nsx=${encodeURIComponent(producer.code)}`}
            className="font-semibold underline underline-offset-2"
          >
            {t("daily.home.editProfile")}
          </Link>
        </p>
      ) : null}
      {producer.verificationStatus === "suspended" && producer.suspensionReason ? (
        <p className="mt-2 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900">
          {t("daily.home.suspended", { reason: producer.suspensionReason })}
        </p>
      ) : null}
      {producer.verificationNote ? (
        <p className="mt-2 text-sm text-stone-700">{producer.verificationNote}</p>
      ) : null}

      <h3 className="mt-4 font-semibold">{t("daily.home.todoTitle")}</h3>
      {items.length === 0 && certificates.length === 0 ? (
        <p className="mt-1 text-sm text-stone-700">{t("daily.home.nothingToDo")}</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {items.map((item) => (
            <li key={item.key}>
              <Link
                to={item.href}
                className="block rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 font-medium text-amber-950 underline-offset-2 hover:underline"
              >
                {t(item.key, {
                  count: formatNumber(item.count, locale),
                  amount: formatVnd(item.amountVnd ?? 0, locale),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {certificates.length > 0 ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">{t("daily.home.certificatesTitle")}</h4>
          <ul className="mt-1 space-y-1 text-sm">
            {certificates.map((certificate) => (
              <li key={`${certificate.sku}-${certificate.kind}-${certificate.expiresOn}`}>
                <Link
                  to={`/ban-hang/san-pham/${certificate.sku}`}
                  className="text-brand-800 underline underline-offset-2"
                >
                  {t("daily.home.certificateExpiring", {
                    kind: certificate.kind,
                    title: certificate.title,
                    date: formatDate(certificate.expiresOn, locale),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {producer.may.includes("statement") ? (
        <>
          <h3 className="mt-4 font-semibold">
            {t("daily.home.salesTitle", { month: `${month}/${year}` })}
          </h3>
          <p className="mt-1 text-2xl font-bold text-stone-900">
            {formatVnd(producer.sales.salesVnd, locale)}
          </p>
          <p className="text-sm text-stone-700">
            {t("daily.home.salesOrders", {
              count: formatNumber(producer.sales.completedOrders, locale),
            })}
            {" · "}
            <Link to="/ban-hang/so-du" className="text-brand-800 underline underline-offset-2">
              {t("daily.home.statementLink")}
            </Link>
          </p>
          <p className="mt-1 text-xs text-stone-600">{t("daily.home.salesHint")}</p>
        </>
      ) : null}

      <h3 className="mt-4 font-semibold">{t("workspace.listingsByStatus")}</h3>
      <dl className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-3">
        {statuses.map((status) => (
          <div key={status} className="rounded-lg bg-stone-50 px-3 py-2">
            <dt className="text-sm text-stone-600">{t(`listingStatus.${status}`)}</dt>
            <dd className="text-xl font-bold text-stone-900">
              {formatNumber(producer.listingCounts[status] ?? 0, locale)}
            </dd>
          </div>
        ))}
      </dl>
      {producer.verificationStatus === "verified" ? (
        <p className="mt-4">
          <Link
            to={`/nha-san-xuat/${producer.code}`}
            className="font-semibold text-brand-800 underline underline-offset-2"
          >
            {t("workspace.viewPublicPage")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
