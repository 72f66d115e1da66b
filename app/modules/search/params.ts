import { z } from "zod";
import { Invalid } from "~/lib/errors";
import { isMessageKey, type MessageParams } from "~/lib/i18n/translate";
import { singleLineText } from "~/lib/schemas/fields";
import { cleanText } from "~/lib/text";
import { CERT_KINDS, certificationIndex } from "./certifications";
import { MATCH_MODES, MAX_PER_PAGE, SEARCH_SORTS, type SearchQuery } from "./types";

/**
 * Query-string parameters of product search (the public API `GET /api/v1/products`, and
 * the search page with the same names). Every bad value is a 400 naming the parameter;
 * an empty value counts as absent, as an HTML form sends it. Each check's message is a
 * message key (search.vi.ts); its parameters come from the issue (see `issueParams`).
 */

const MAX_PRICE = 1_000_000_000_000;
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,13}$/, "search.errors.notWholeNumber")
    .transform(Number)
    .refine((n) => n >= min && n <= max, {
      message: "search.errors.outOfRange",
      params: { min, max },
    });

const ParamsSchema = z.object({
  q: singleLineText().pipe(z.string().max(200, "search.errors.tooLong")).default(""),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, "search.errors.notCategoryCode")
    .nullable()
    .default(null),
  commune: singleLineText()
    .pipe(z.string().max(100, "search.errors.tooLong"))
    .nullable()
    .default(null),
  ocop_min: wholeNumber(1, 5).nullable().default(null),
  certification: z
    .string()
    .transform((value, ctx) => {
      const kind = CERT_KINDS[certificationIndex(value)];
      if (kind === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: "search.errors.notOneOf",
          params: { values: CERT_KINDS.join(", ") },
        });
        return z.NEVER;
      }
      return kind;
    })
    .nullable()
    .default(null),
  price_min: wholeNumber(0, MAX_PRICE).nullable().default(null),
  price_max: wholeNumber(0, MAX_PRICE).nullable().default(null),
  campaign: z
    .string()
    .regex(/^[a-z0-9-]{3,80}$/, "pledges.search.notSlug")
    .nullable()
    .default(null),
  sort: z
    .enum(SEARCH_SORTS, { errorMap: () => ({ message: "search.errors.notOneOf" }) })
    .default("relevance"),
  page: wholeNumber(1, 10_000).default("1"),
  per_page: wholeNumber(1, MAX_PER_PAGE).default("20"),
  match: z
    .enum(MATCH_MODES, { errorMap: () => ({ message: "search.errors.notMatchMode" }) })
    .default("all"),
});

export const SEARCH_PARAM_NAMES = Object.keys(
  ParamsSchema.shape,
) as (keyof typeof ParamsSchema.shape)[];

/** The values a check's message needs besides the parameter's name. */
function issueParams(issue: z.ZodIssue): MessageParams {
  if (issue.code === z.ZodIssueCode.custom) return (issue.params ?? {}) as MessageParams;
  if (issue.code === z.ZodIssueCode.too_big) return { max: Number(issue.maximum) };
  if (issue.code === z.ZodIssueCode.invalid_enum_value) return { values: issue.options.join(", ") };
  return {};
}

/** The search query of a URL's parameters; throws Invalid (400) naming the first bad one. */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const raw: Record<string, string> = {};
  for (const name of SEARCH_PARAM_NAMES) {
    const value = params.get(name);
    if (value !== null && value.trim() !== "") raw[name] = cleanText(value);
  }
  const parsed = ParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = String(issue?.path[0] ?? "query");
    const key = issue && isMessageKey(issue.message) ? issue.message : "search.errors.invalidQuery";
    const params = issue ? issueParams(issue) : {};
    throw new Invalid(key, { ...params, parameter }, { parameter });
  }
  const p = parsed.data;
  if (p.price_min !== null && p.price_max !== null && p.price_min > p.price_max) {
    throw new Invalid("search.errors.priceMaxBelowMin", {}, { parameter: "price_max" });
  }
  return {
    q: p.q,
    matchMode: p.match,
    category: p.category,
    commune: p.commune,
    ocopMin: p.ocop_min,
    certification: p.certification,
    priceMin: p.price_min,
    priceMax: p.price_max,
    campaign: p.campaign,
    sort: p.sort,
    page: p.page,
    perPage: p.per_page,
  };
}
