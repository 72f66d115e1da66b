import { z } from "zod";
import { Invalid } from "~/lib/errors";
import { CERT_KINDS, certificationIndex } from "./certifications";
import { MATCH_MODES, MAX_PER_PAGE, SEARCH_SORTS, type SearchQuery } from "./types";

/**
 * Query-string parameters of product search (the public API `GET /api/v1/products`, and
 * the search page with the same names). Every bad value is a 400 naming the parameter;
 * an empty value counts as absent, as an HTML form sends it.
 */

const MAX_PRICE = 1_000_000_000_000;
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,13}$/, `${name} phải là số nguyên không âm`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} phải trong khoảng ${min}–${max}`);

const ParamsSchema = z.object({
  q: z.string().max(200, "q dài tối đa 200 ký tự").default(""),
  category: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, "category phải là mã danh mục, ví dụ ca-phe")
    .nullable()
    .default(null),
  commune: z.string().max(100, "commune dài tối đa 100 ký tự").nullable().default(null),
  ocop_min: wholeNumber("ocop_min", 1, 5).nullable().default(null),
  certification: z
    .string()
    .transform((value, ctx) => {
      const kind = CERT_KINDS[certificationIndex(value)];
      if (kind === undefined) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `certification phải là một trong: ${CERT_KINDS.join(", ")}`,
        });
        return z.NEVER;
      }
      return kind;
    })
    .nullable()
    .default(null),
  price_min: wholeNumber("price_min", 0, MAX_PRICE).nullable().default(null),
  price_max: wholeNumber("price_max", 0, MAX_PRICE).nullable().default(null),
  sort: z
    .enum(SEARCH_SORTS, {
      errorMap: () => ({ message: `sort phải là một trong: ${SEARCH_SORTS.join(", ")}` }),
    })
    .default("relevance"),
  page: wholeNumber("page", 1, 10_000).default("1"),
  per_page: wholeNumber("per_page", 1, MAX_PER_PAGE).default("20"),
  match: z
    .enum(MATCH_MODES, { errorMap: () => ({ message: "match phải là all hoặc any" }) })
    .default("all"),
});

export const SEARCH_PARAM_NAMES = Object.keys(
  ParamsSchema.shape,
) as (keyof typeof ParamsSchema.shape)[];

/** The search query of a URL's parameters; throws Invalid (400) naming the first bad one. */
export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const raw: Record<string, string> = {};
  for (const name of SEARCH_PARAM_NAMES) {
    const value = params.get(name);
    if (value !== null && value.trim() !== "") raw[name] = value.normalize("NFC").trim();
  }
  const parsed = ParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = String(issue?.path[0] ?? "query");
    throw new Invalid(`Tham số ${parameter} không hợp lệ: ${issue?.message ?? ""}`, { parameter });
  }
  const p = parsed.data;
  if (p.price_min !== null && p.price_max !== null && p.price_min > p.price_max) {
    throw new Invalid(
      "Tham số price_max không hợp lệ: price_max phải lớn hơn hoặc bằng price_min",
      {
        parameter: "price_max",
      },
    );
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
    sort: p.sort,
    page: p.page,
    perPage: p.per_page,
  };
}
