import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";
import { CategoryMenu, type MenuCategory } from "./category-menu";
import { BellIcon, CartIcon, LogoMark, UserIcon } from "./icons";
import { LanguageSwitch } from "./language-switch";
import { HeaderSearch } from "./search/header-search";

/** The signed-in user as the header needs them; null for a visitor. */
export interface ShellUser {
  displayName: string;
  isBuyer: boolean;
  isProducer: boolean;
  isStaff: boolean;
}

const iconButton =
  "relative inline-flex h-11 min-w-11 items-center justify-center rounded-lg text-stone-800 hover:bg-stone-100";
const badge =
  "absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-accent-700 px-1 text-center text-xs leading-5 font-bold text-white";
const menuLink = "block rounded-lg px-3 py-2 text-stone-800 hover:bg-brand-50";

/** The site header: brand, search, categories, cart, notifications, account and language. */
export function SiteHeader({
  user,
  categories,
  cartCount,
  unreadCount,
  query,
  searchWithoutReact,
}: {
  user: ShellUser | null;
  categories: MenuCategory[];
  cartCount: number;
  unreadCount: number;
  /** The current search words, kept in the box on the search page (its only search box). */
  query?: string;
  /** The page is sent without React: its search box gets its suggestions from an island. */
  searchWithoutReact?: boolean;
}) {
  const t = useT();
  return (
    <header className="border-b border-stone-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 pt-2 sm:px-4">
        <Link
          to="/"
          className="flex shrink-0 items-center gap-2 rounded-lg py-1 pr-1"
          aria-label={t("header.homeLink")}
        >
          <LogoMark className="h-9 w-9" />
          <span className="text-xl font-extrabold tracking-tight text-brand-800">
            {t("site.name")}
          </span>
        </Link>
        <nav aria-label={t("header.account")} className="ml-auto flex items-center gap-1">
          {user ? (
            <Link
              to="/thong-bao"
              className={iconButton}
              aria-label={
                unreadCount > 0
                  ? t("header.notificationsWithCount", { count: unreadCount })
                  : t("header.notifications")
              }
            >
              <BellIcon />
              {unreadCount > 0 ? (
                <span className={badge} aria-hidden>
                  {unreadCount > 99 ? "99+" : unreadCount}
                </span>
              ) : null}
            </Link>
          ) : null}
          <Link
            to="/gio-hang"
            className={iconButton}
            aria-label={
              cartCount > 0 ? t("header.cartWithCount", { count: cartCount }) : t("header.cart")
            }
          >
            <CartIcon />
            {cartCount > 0 ? (
              <span className={badge} aria-hidden>
                {cartCount > 99 ? "99+" : cartCount}
              </span>
            ) : null}
          </Link>
          <AccountMenu user={user} />
        </nav>
      </div>
      <div className="mx-auto max-w-6xl px-3 py-2 sm:px-4">
        <HeaderSearch query={query ?? ""} withoutReact={searchWithoutReact} />
      </div>
      <div className="border-t border-stone-100">
        <nav
          aria-label={t("header.categories")}
          className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-1 px-1 sm:px-2"
        >
          <CategoryMenu categories={categories} />
          <Link
            to="/yeu-cau-mua"
            className="rounded-lg px-2 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          >
            {t("header.purchaseRequests")}
          </Link>
          <div className="ml-auto">
            <LanguageSwitch />
          </div>
        </nav>
      </div>
    </header>
  );
}

function AccountMenu({ user }: { user: ShellUser | null }) {
  const t = useT();
  return (
    <details className="relative">
      <summary className={iconButton} aria-label={t("header.accountMenu")}>
        <UserIcon />
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-64 max-w-[calc(100vw-1.5rem)] rounded-xl border border-stone-200 bg-white p-2 shadow-lg">
        {user ? (
          <>
            <p className="truncate px-3 py-2 text-sm text-stone-600">
              {t("header.greeting", { name: user.displayName })}
            </p>
            <ul>
              <li>
                <Link to="/tai-khoan" className={menuLink}>
                  {t("header.myAccount")}
                </Link>
              </li>
              {user.isBuyer ? (
                <>
                  <li>
                    <Link to="/don-hang" className={menuLink}>
                      {t("header.myOrders")}
                    </Link>
                  </li>
                  <li>
                    <Link to="/tai-khoan/dia-chi" className={menuLink}>
                      {t("addressBook.title")}
                    </Link>
                  </li>
                  <li>
                    <Link to="/yeu-cau-mua/moi" className={menuLink}>
                      {t("header.postRequest")}
                    </Link>
                  </li>
                  <li>
                    <Link to="/tai-khoan/yeu-cau-mua" className={menuLink}>
                      {t("myRequests.menu")}
                    </Link>
                  </li>
                </>
              ) : null}
              {user.isProducer ? (
                <li>
                  <Link to="/ban-hang" className={menuLink}>
                    {t("header.workspace")}
                  </Link>
                </li>
              ) : null}
              {user.isStaff ? (
                <li>
                  <Link to="/quan-ly" className={menuLink}>
                    {t("header.staffArea")}
                  </Link>
                </li>
              ) : null}
            </ul>
            <Form method="post" action="/dang-xuat" className="mt-1 border-t border-stone-100 pt-1">
              <button
                type="submit"
                className="block w-full rounded-lg px-3 py-2 text-left text-stone-800 hover:bg-brand-50"
              >
                {t("header.logout")}
              </button>
            </Form>
          </>
        ) : (
          <ul>
            <li>
              <Link to="/dang-nhap" className={menuLink}>
                {t("header.login")}
              </Link>
            </li>
            <li>
              <Link to="/dang-ky" className={menuLink}>
                {t("header.signup")}
              </Link>
            </li>
            <li>
              <Link to="/dang-ky/nha-san-xuat" className={menuLink}>
                {t("header.sellSignup")}
              </Link>
            </li>
          </ul>
        )}
      </div>
    </details>
  );
}
