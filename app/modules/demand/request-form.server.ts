import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { DomainError, TooManyRequests } from "~/lib/errors";
import type { Locale } from "~/lib/i18n/locales";
import { listCommunesOf, officialProvinceCode } from "~/lib/places";
import { listProvinces } from "~/lib/provinces";
import { purchaseRequestSchema, type PurchaseRequestInput } from "~/lib/schemas/purchase-request";
import { findProvinceLoosely, provinceFullName } from "~/modules/org/places.server";
import { categoryOptions } from "~/modules/listings/queries.server";
import { replyWithDomainError } from "~/modules/platform/http.server";
import type { Db } from "~db/client.server";

/**
 * What the new-request and edit pages share on the server: the picker's options, and reading
 * a posted form (a no-JS "Chọn tỉnh" round trip, a refused form, or valid input).
 */

/** The Union's own province, preselected on a new request (most buyers deliver here). */
export const HOME_PROVINCE_CODE = "44";

/** The 34 provinces by official code, and the communes of the chosen one (or none). */
export function placeOptions(provinceCode: string | undefined) {
  const provinces = listProvinces().map((province) => ({
    code: officialProvinceCode(province.code) ?? "",
    name: provinceFullName(province),
  }));
  const province = provinceCode ? findProvinceLoosely(provinceCode) : undefined;
  const communes = province
    ? listCommunesOf(province.code).map(({ code, name }) => ({ code, name }))
    : [];
  return { provinces, communes };
}

type CommuneOptions = { code: string; name: string }[];

export type RequestFormRead =
  | { kind: "pick"; reply: SubmissionResult<string[]>; communes: CommuneOptions }
  | { kind: "invalid"; reply: SubmissionResult<string[]>; communes: CommuneOptions }
  | {
      kind: "valid";
      submission: Submission<PurchaseRequestInput>;
      value: PurchaseRequestInput;
      communes: CommuneOptions;
    };

/**
 * Reads a posted request form; `communes` are those of the posted province, for the form
 * shown again. `intent=pick-province` (the place picker without JavaScript) only reloads
 * the form with that province's communes and everything typed kept.
 */
export function readRequestForm(formData: FormData): RequestFormRead {
  const submission = parseWithZod(formData, { schema: purchaseRequestSchema });
  const { communes } = placeOptions(String(formData.get("provinceCode") ?? ""));
  if (formData.get("intent") === "pick-province") {
    return {
      kind: "pick",
      reply: { initialValue: { ...submission.payload, communeCode: "" } },
      communes,
    };
  }
  if (submission.status !== "success") {
    return { kind: "invalid", reply: submission.reply(), communes };
  }
  return { kind: "valid", submission, value: submission.value, communes };
}

/** The category choices of the request form. */
export function categoryChoices(db: Db) {
  return categoryOptions(db).map(({ code, nameVi, nameEn, depth }) => ({
    code,
    nameVi,
    nameEn,
    depth,
  }));
}

/**
 * The action's answer to a form that is not ready to save: the no-JS province pick (200) or
 * a form the schema refused (400), shown again with the posted province's communes.
 */
export function unfinishedForm(read: Exclude<RequestFormRead, { kind: "valid" }>) {
  return data(
    { reply: read.reply, communes: read.communes },
    { status: read.kind === "pick" ? 200 : 400 },
  );
}

/**
 * A refused form as the page's action answer: the message under its field (or above the
 * form) in the reader's language, with the error's status (400, 409, 429 + Retry-After).
 */
export function refusedForm(
  read: Extract<RequestFormRead, { kind: "valid" }>,
  error: unknown,
  locale: Locale,
) {
  const reply = replyWithDomainError(read.submission, error, locale);
  const status = error instanceof DomainError ? error.status : 400;
  const headers = new Headers();
  if (error instanceof TooManyRequests) {
    headers.set("Retry-After", String(error.retryAfterSeconds));
  }
  return data({ reply, communes: read.communes }, { status, headers });
}
