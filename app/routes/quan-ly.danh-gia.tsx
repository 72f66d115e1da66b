import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { Stars } from "~/components/product-reviews";
import { Invalid } from "~/lib/errors";
import { formatDate, useLocale, useT } from "~/lib/i18n";
import { pageTitleMeta } from "~/lib/orders";
import { reviewVisibilitySchema } from "~/lib/schemas/orders";
import { assertSameOrigin } from "~/modules/auth/origin.server";
import { requireStaff } from "~/modules/auth/session.server";
import { listReviewsForStaff, setReviewHidden } from "~/modules/orders/reviews.server";
import { getDb } from "~/modules/platform/db.server";
import { formError, handle } from "~/modules/platform/http.server";

export const meta: MetaFunction = ({ matches }) => pageTitleMeta(matches, "staffReviews.title");

/** Recent reviews in the staff member's subtree, to hide (or show again) any of them. */
export const loader = handle(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireStaff(request, "review:hide");
  return { reviews: listReviewsForStaff(getDb(), actor) };
});

export const action = handle(async ({ request, context }: ActionFunctionArgs) => {
  assertSameOrigin(request);
  const actor = await requireStaff(request, "review:hide");
  const input = reviewVisibilitySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!input.success) return formError(new Invalid("orderError.badRequest"), actor.locale);
  try {
    setReviewHidden(
      getDb(),
      actor,
      input.data.reviewId,
      input.data.intent === "hide",
      context.clientIp ?? null,
    );
  } catch (error) {
    return formError(error, actor.locale);
  }
  return redirect("/quan-ly/danh-gia", 303);
});

export default function StaffReviews() {
  const { reviews } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("staffReviews.title")}</h1>
      {actionData && "formError" in actionData ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-4 py-3 text-rose-900">
          {actionData.formError}
        </p>
      ) : null}
      {reviews.length === 0 ? (
        <p className="text-stone-700">{t("staffReviews.none")}</p>
      ) : (
        <ul className="space-y-3">
          {reviews.map((review) => (
            <li key={review.id} className="rounded-xl border border-stone-200 bg-white p-4">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Stars rating={review.rating} />
                <Link
                  to={`/san-pham/${review.listingSlug}`}
                  className="font-medium text-brand-800 underline underline-offset-2"
                >
                  {review.listingTitle}
                </Link>
                <span className="text-stone-700">
                  {review.authorName} · {review.orderCode} · {formatDate(review.createdAt, locale)}
                </span>
                {review.isHidden ? (
                  <span className="rounded-full bg-stone-200 px-2 py-0.5">
                    {t("staffReviews.hidden")}
                  </span>
                ) : null}
              </p>
              {review.comment ? <p className="mt-2">{review.comment}</p> : null}
              <Form method="post" className="mt-2">
                <input type="hidden" name="reviewId" value={review.id} />
                <button
                  type="submit"
                  name="intent"
                  value={review.isHidden ? "show" : "hide"}
                  className="rounded-lg border border-stone-300 px-3 py-1.5 text-sm font-medium"
                >
                  {review.isHidden ? t("staffReviews.show") : t("staffReviews.hide")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
