/** One page of a list: the items plus what a pagination control needs. */
export interface Page<T> {
  items: T[];
  total: number;
  /** 1-based, clamped to the last page. */
  page: number;
  pageCount: number;
  perPage: number;
  offset: number;
}

/** Clamps a requested page to what exists and computes the offset. */
export function pageOf(
  total: number,
  requested: number,
  perPage: number,
): Omit<Page<never>, "items"> {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(Math.max(1, Math.trunc(requested) || 1), pageCount);
  return { total, page, pageCount, perPage, offset: (page - 1) * perPage };
}
