import type { LoaderFunctionArgs } from "@remix-run/node";
import { NotFound } from "~/lib/errors";
import { listCommunesOf } from "~/lib/places";
import { findProvinceLoosely } from "~/modules/org/places.server";
import { handle } from "~/modules/platform/http.server";

/**
 * One province's communes (official code and name) for the place picker's JavaScript:
 * `/dia-danh/44`. Public data; the whole national list never goes to the browser.
 */
export const loader = handle(async ({ params }: LoaderFunctionArgs) => {
  const province = findProvinceLoosely(params.tinh ?? "");
  if (!province) throw new NotFound("requests.errors.unknownProvince");
  const communes = listCommunesOf(province.code).map(({ code, name }) => ({ code, name }));
  return { province: params.tinh ?? "", communes };
});
