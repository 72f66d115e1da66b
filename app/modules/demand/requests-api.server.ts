import { z } from "zod";
import { vietnamToday } from "~/lib/dates";
import { DomainError, Invalid, NotFound } from "~/lib/errors";
import { isLocale, type Locale } from "~/lib/i18n/locales";
import { isMessageKey, t, type MessageKey, type MessageParams } from "~/lib/i18n/translate";
import { findCommuneByCode, findProvinceByOfficialCode } from "~/lib/places";
import { longText, singleLineText } from "~/lib/schemas/fields";
import { PURCHASE_REQUEST_LIMITS, RECURRENCE_OPTIONS } from "~/lib/schemas/purchase-request";
import { UNIT_OPTIONS } from "~/lib/units";
import { actorForUser } from "~/modules/auth/session.server";
import { provinceFullName, resolvePlace } from "~/modules/org/places.server";
import { localeOfRequest } from "~/modules/platform/http.server";
import type { Db } from "~db/client.server";
import {
  createPurchaseRequest,
  getPurchaseRequestByCode,
  listOpenPurchaseRequests,
  type PurchaseRequestCard,
} from "./purchase-requests.server";
import { refreshRequestMatches, storedMatchesOf } from "./stored-matches.server";

/**
 * The purchase-request part of the public API (`/api/v1/purchase-requests…`, described in
 * ./openapi.ts): public fields only, never the buyer's identity or contact; business buyers
 * post a request with the orders API's Bearer token. Answers are snake_case; errors are
 * domain errors the routes turn into the documented JSON (platform/http.server.ts).
 */

export const API_PER_PAGE = { default: 20, max: 50 } as const;

/**
 * The reader's language for text the API renders (match reasons, error messages): the first
 * supported language of Accept-Language, else the `lang` cookie, else Vietnamese.
 */
export function apiLocale(request: Request): Locale {
  const header = request.headers.get("accept-language") ?? "";
  const wanted = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...options] = part.trim().split(";");
      const q = options.map((o) => /^\s*q=([\d.]+)\s*$/.exec(o)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q) : 1, index };
    })
    .filter((entry) => entry.q > 0 && isLocale(entry.language))
    .sort((a, b) => b.q - a.q || a.index - b.index)[0];
  return wanted && isLocale(wanted.language) ? wanted.language : localeOfRequest(request);
}

/** The place of a request as the API names it: official names, null for old rows without codes. */
function placeNames(provinceCode: string | null, communeCode: string | null) {
  const province = provinceCode ? findProvinceByOfficialCode(provinceCode) : undefined;
  const commune = communeCode ? findCommuneByCode(communeCode) : undefined;
  return {
    province: province ? provinceFullName(province) : null,
    commune: commune?.name ?? null,
  };
}

/** One request as the list returns it. */
function toApiHit(request: PurchaseRequestCard) {
  return {
    code: request.code,
    title: request.title,
    category: request.categoryCode,
    quantity: request.quantity,
    unit: request.unit,
    target_price_vnd: request.targetPriceVnd,
    ...placeNames(request.provinceCode, request.communeCode),
    needed_by: request.neededBy,
    recurrence: request.recurrence,
    offers: request.offerCount,
  };
}

/** A query parameter that is a whole number within [min, max], or a 400 naming it. */
function wholeParam(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number,
  fallback: number,
) {
  const raw = params.get(name)?.trim() ?? "";
  if (raw === "") return fallback;
  if (!/^\d{1,9}$/.test(raw)) {
    throw new Invalid("search.errors.notWholeNumber", { parameter: name }, { parameter: name });
  }
  const value = Number(raw);
  if (value < min || value > max) {
    throw new Invalid(
      "search.errors.outOfRange",
      { parameter: name, min, max },
      { parameter: name },
    );
  }
  return value;
}

/**
 * `GET /api/v1/purchase-requests?status=open&page=&per_page=`: the open, visible requests
 * whose date has not passed, newest first (the public list's rule). Only `open` is listed;
 * a closed or fulfilled request is still read by its code.
 */
export function listPurchaseRequestsForApi(
  db: Db,
  params: URLSearchParams,
  { now = new Date() }: { now?: Date } = {},
) {
  const status = params.get("status")?.trim() || "open";
  if (status !== "open") {
    throw new Invalid(
      "search.errors.notOneOf",
      { parameter: "status", values: "open" },
      { parameter: "status" },
    );
  }
  const page = wholeParam(params, "page", 1, 10_000, 1);
  const perPage = wholeParam(params, "per_page", 1, API_PER_PAGE.max, API_PER_PAGE.default);
  const result = listOpenPurchaseRequests(db, { page, perPage, today: vietnamToday(now) });
  return {
    total: result.total,
    page,
    per_page: perPage,
    hits: page === result.page ? result.items.map(toApiHit) : [],
  };
}

/** The request behind a code as the API may show it: not hidden; any status. */
function visibleRequest(db: Db, code: string) {
  const request = getPurchaseRequestByCode(db, code);
  if (!request) throw new NotFound("connect.api.notFound");
  return request;
}

/** `GET /api/v1/purchase-requests/{code}`: one visible request, with its description and status. */
export function getPurchaseRequestForApi(db: Db, code: string, origin: string) {
  const request = visibleRequest(db, code);
  return {
    ...toApiHit(request),
    description: request.description,
    status: request.status,
    delivery_location: request.deliveryLocation,
    created_at: request.createdAt.toISOString(),
    url: `${origin}/yeu-cau-mua/${request.code}`,
  };
}

/**
 * `GET /api/v1/purchase-requests/{code}/matches`: the stored matches of a visible request,
 * best first, each reason rendered in `locale`.
 */
export function getRequestMatchesForApi(db: Db, code: string, locale: Locale) {
  const request = visibleRequest(db, code);
  return {
    matches: storedMatchesOf(db, request.id).map((match) => ({
      producer: { code: match.producer.code, name: match.producer.name },
      listing: match.listing ? { sku: match.listing.sku, title: match.listing.title } : null,
      score: match.score,
      reasons: match.reasons.map((reason) => t(locale, reason.key, reason.params)),
    })),
  };
}

const L = PURCHASE_REQUEST_LIMITS;
const typed = (key: MessageKey) => ({ required_error: key, invalid_type_error: key });

/** The body of `POST /api/v1/purchase-requests`; each message is a catalog key. */
const ApiRequestBody = z
  .object(
    {
      title: singleLineText("connect.api.title").pipe(
        z.string().min(L.titleMin, "connect.api.title").max(L.titleMax, "connect.api.title"),
      ),
      description: longText("connect.api.description")
        .pipe(z.string().max(L.descriptionMax, "connect.api.description"))
        .optional(),
      category: z
        .string(typed("connect.api.category"))
        .regex(/^[a-z0-9-]{1,60}$/, "connect.api.category"),
      quantity: z
        .number(typed("connect.api.quantity"))
        .int("connect.api.quantity")
        .min(1, "connect.api.quantity")
        .max(L.maxQuantity, "connect.api.quantity"),
      unit: z.enum(UNIT_OPTIONS, { errorMap: () => ({ message: "connect.api.unit" }) }),
      target_price_vnd: z
        .number(typed("connect.api.targetPrice"))
        .int("connect.api.targetPrice")
        .min(1, "connect.api.targetPrice")
        .max(L.maxPriceVnd, "connect.api.targetPrice")
        .nullable()
        .optional(),
      province: z.string(typed("connect.api.province")).max(100, "connect.api.province"),
      commune: z.string(typed("connect.api.commune")).max(100, "connect.api.commune"),
      needed_by: z
        .string(typed("connect.api.neededBy"))
        .regex(/^\d{4}-\d{2}-\d{2}$/, "connect.api.neededBy")
        .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "connect.api.neededBy"),
      recurrence: z
        .enum(RECURRENCE_OPTIONS, { errorMap: () => ({ message: "connect.api.recurrence" }) })
        .optional(),
    },
    typed("connect.api.body"),
  )
  .strict();

/** The message of each field the module's errors name, by the API's field name. */
const MODULE_FIELDS: Record<string, string> = {
  categoryCode: "category",
  provinceCode: "province",
  communeCode: "commune",
  neededBy: "needed_by",
};

/** A 400 naming each bad field (messages in `locale`); nothing was written. */
function invalidRequest(fields: Record<string, string>): DomainError {
  return new DomainError(400, "invalid_request", "connect.api.invalidRequest", {}, { fields });
}

function message(locale: Locale, key: string, params: MessageParams = {}): string {
  return isMessageKey(key) ? t(locale, key, params) : key;
}

/**
 * `POST /api/v1/purchase-requests` for the owner of an API token: validates the JSON body
 * (400 naming each bad field; province and commune by official name or code), posts the
 * request through the same use case as the web form (its limits answer 429), then matches
 * it. Returns the new request's code and page.
 */
export async function createPurchaseRequestFromApi(
  db: Db,
  userId: number,
  rawBody: string,
  { locale, origin, now = new Date() }: { locale: Locale; origin: string; now?: Date },
): Promise<{ code: string; url: string }> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new DomainError(400, "invalid_json", "apiOrder.error.invalidJson");
  }
  const fields: Record<string, string> = {};
  const parsed = ApiRequestBody.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === z.ZodIssueCode.unrecognized_keys) {
        for (const key of issue.keys) fields[key] ??= message(locale, "connect.api.unknownField");
        continue;
      }
      const path = issue.path.join(".") || "body";
      fields[path] ??= message(locale, issue.message);
    }
  }
  const body = json !== null && typeof json === "object" ? (json as Record<string, unknown>) : {};
  // The place is checked even when other fields are wrong, so one answer names every field.
  const place =
    typeof body.province === "string" && typeof body.commune === "string"
      ? resolvePlace({ province: body.province, commune: body.commune })
      : null;
  if (place && !place.ok) fields[place.error.field] ??= message(locale, place.error.key);
  const neededBy = body.needed_by;
  if (typeof neededBy === "string" && !fields.needed_by && neededBy < vietnamToday(now)) {
    fields.needed_by = message(locale, "validation.dateNotPast");
  }
  if (!parsed.success || !place?.ok || Object.keys(fields).length > 0) {
    throw invalidRequest(fields);
  }
  const actor = actorForUser(db, userId);
  if (!actor) throw new DomainError(401, "unauthorized", "apiOrder.error.unauthorized");
  const input = parsed.data;
  let created: { id: number; code: string };
  try {
    created = createPurchaseRequest(
      db,
      actor,
      {
        title: input.title,
        description: input.description ?? "",
        categoryCode: input.category,
        quantity: input.quantity,
        unit: input.unit,
        targetPriceVnd: input.target_price_vnd ?? undefined,
        provinceCode: place.place.provinceCode,
        communeCode: place.place.communeCode,
        neededBy: input.needed_by,
        recurrence: input.recurrence ?? "none",
      },
      { now },
    );
  } catch (error) {
    // A field the use case refused (an unknown category) is named as the API names it.
    const field =
      error instanceof DomainError && error.status === 400 ? error.details?.field : null;
    if (error instanceof DomainError && typeof field === "string") {
      throw invalidRequest({ [MODULE_FIELDS[field] ?? field]: error.messageIn(locale) });
    }
    throw error;
  }
  await refreshRequestMatches(db, created.id, { now });
  return { code: created.code, url: `${origin}/yeu-cau-mua/${created.code}` };
}
