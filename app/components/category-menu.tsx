import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/lib/i18n";
import { ChevronDownIcon } from "./icons";

export interface MenuCategory {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** The category menu: a <details> disclosure, so it opens and closes without JavaScript. */
export function CategoryMenu({ categories }: { categories: MenuCategory[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <details className="group relative">
      <summary className="flex items-center gap-1 rounded-lg px-2 py-2 font-semibold text-brand-800 hover:bg-brand-50">
        {t("header.categories")}
        <ChevronDownIcon className="h-4 w-4 transition-transform group-open:rotate-180" />
      </summary>
      <div className="absolute left-0 z-30 mt-1 w-72 max-w-[calc(100vw-1.5rem)] rounded-xl border border-stone-200 bg-white p-2 shadow-lg">
        <ul className="max-h-[70vh] overflow-y-auto">
          <li>
            <Link
              to="/tim-kiem"
              className="block rounded-lg px-3 py-2 font-semibold text-stone-900 hover:bg-brand-50"
            >
              {t("header.allProducts")}
            </Link>
          </li>
          {categories.map((category) => (
            <li key={category.code}>
              <Link
                to={`/tim-kiem?danh-muc=${encodeURIComponent(category.code)}`}
                className="block rounded-lg px-3 py-2 text-stone-800 hover:bg-brand-50"
              >
                {locale === "en" ? category.nameEn : category.nameVi}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
