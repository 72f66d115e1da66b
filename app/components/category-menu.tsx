import { Link } from "~/components/link";
import { useLocale, useT } from "~/lib/i18n";
import { ChevronDownIcon } from "./icons";

export interface MenuCategory {
  code: string;
  nameVi: string;
  nameEn: string;
}

/**
 * The category menu: a <details> disclosure, so it opens and closes without JavaScript; a
 * plain list of links, with a fade and an arrow at the bottom while more of it lies below.
 */
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
        <div className="max-h-[70vh] overflow-y-auto overscroll-contain">
          <ul>
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
          {/* Stuck to the bottom while items remain below, so a phone sees that the list
              goes on; at the end of the list it sits after the last item, covering nothing. */}
          <p
            aria-hidden="true"
            className="pointer-events-none sticky bottom-0 flex items-end justify-center gap-1 bg-gradient-to-t from-white from-40% to-white/0 pt-6 pb-1 text-xs font-medium text-stone-600"
          >
            <ChevronDownIcon className="h-4 w-4" />
            {t("journey.menu.scrollForAll", { count: categories.length })}
          </p>
        </div>
      </div>
    </details>
  );
}
