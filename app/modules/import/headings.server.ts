import type { Locale } from "~/lib/i18n/locales";
import { foldVietnamese } from "~/lib/text";
import type { Sheet } from "./decode.server";
import type { PRODUCER_COLUMNS } from "./plan-producers.server";
import type { PRODUCT_COLUMNS } from "./plan-products.server";

/**
 * The Vietnamese heading of each import column, as the template files write them. A header
 * cell may hold the heading (any tone marks or case) or the column's code ("price_vnd"):
 * both name the same column, so older files keep working.
 */

export const PRODUCT_HEADINGS: Record<(typeof PRODUCT_COLUMNS)[number], string> = {
  sku: "Mã sản phẩm",
  producer_code: "Mã nhà sản xuất",
  title: "Tên sản phẩm",
  category: "Danh mục",
  description: "Mô tả",
  price_vnd: "Giá (đồng)",
  unit: "Đơn vị tính",
  min_order_qty: "Số lượng đặt tối thiểu",
  stock: "Tồn kho",
  ocop_stars: "Số sao OCOP",
  certifications: "Chứng nhận",
  ocop_certificate_no: "Số giấy chứng nhận OCOP",
  ocop_issued_on: "Ngày cấp OCOP",
  ocop_expires_on: "Ngày hết hạn OCOP",
  season: "Mùa vụ",
  tags: "Từ khóa",
};

export const PRODUCER_HEADINGS: Record<(typeof PRODUCER_COLUMNS)[number], string> = {
  code: "Mã nhà sản xuất",
  name: "Tên nhà sản xuất",
  kind: "Loại hình",
  org_unit_code: "Mã đơn vị Hội",
  commune: "Xã/phường",
  address: "Địa chỉ",
  members_total: "Tổng số thành viên",
  members_women: "Số thành viên nữ",
  ethnic_minority_members: "Số thành viên dân tộc thiểu số",
  poor_household_members: "Số thành viên hộ nghèo",
  founded_year: "Năm thành lập",
  phone: "Số điện thoại",
  story: "Câu chuyện",
};

/**
 * The column names a page shows: the Vietnamese headings, as in the template; in English the
 * column codes, which the import accepts as well.
 */
export function columnNames<Column extends string>(
  headings: Record<Column, string>,
  locale: Locale,
): Record<Column, string> {
  if (locale !== "en") return headings;
  const codes = { ...headings };
  for (const column of Object.keys(codes) as Column[]) codes[column] = column;
  return codes;
}

const headingKey = (text: string) => foldVietnamese(text).replace(/\s+/g, " ").trim();

/** The sheet with every Vietnamese heading replaced by its column's code (cells follow). */
export function withColumnCodes(sheet: Sheet, headings: Record<string, string>): Sheet {
  const codeOf = new Map(
    Object.entries(headings).map(([code, heading]) => [headingKey(heading), code]),
  );
  const rename = (column: string) => codeOf.get(headingKey(column)) ?? column;
  if (!sheet.columns.some((column) => rename(column) !== column)) return sheet;
  return {
    columns: sheet.columns.map(rename),
    rows: sheet.rows.map(({ row, values }) => ({
      row,
      values: Object.fromEntries(
        Object.entries(values).map(([key, value]) => [rename(key), value]),
      ),
    })),
  };
}
