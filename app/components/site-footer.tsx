import { Link } from "~/components/link";
import { useT } from "~/lib/i18n";

const footerLink = "text-brand-100 underline-offset-2 hover:text-white hover:underline";

/** The site footer: what Cung Cầu is, and links for buyers and producers. */
export function SiteFooter({ year, isDemo }: { year: number; isDemo: boolean }) {
  const t = useT();
  return (
    <footer className="mt-12 bg-brand-800 text-brand-50 print:hidden">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-3">
        <section aria-labelledby="footer-about">
          <h2 id="footer-about" className="text-base font-bold text-white">
            {t("footer.aboutTitle")}
          </h2>
          <p className="mt-2 text-sm leading-relaxed">{t("footer.about")}</p>
        </section>
        <section aria-labelledby="footer-buyers">
          <h2 id="footer-buyers" className="text-base font-bold text-white">
            {t("footer.buyersTitle")}
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            <li>
              <Link to="/tim-kiem" className={footerLink}>
                {t("footer.allProducts")}
              </Link>
            </li>
            <li>
              <Link to="/yeu-cau-mua" className={footerLink}>
                {t("footer.openRequests")}
              </Link>
            </li>
            <li>
              <Link to="/chien-dich" className={footerLink}>
                {t("campaignpage.nav.link")}
              </Link>
            </li>
            <li>
              <Link to="/yeu-cau-mua/moi" className={footerLink}>
                {t("footer.postRequest")}
              </Link>
            </li>
          </ul>
        </section>
        <section aria-labelledby="footer-producers">
          <h2 id="footer-producers" className="text-base font-bold text-white">
            {t("footer.producersTitle")}
          </h2>
          <ul className="mt-2 space-y-2 text-sm">
            <li>
              <Link to="/dang-ky/nha-san-xuat" className={footerLink}>
                {t("footer.sell")}
              </Link>
            </li>
            <li>
              <Link to="/ban-hang" className={footerLink}>
                {t("footer.workspace")}
              </Link>
            </li>
          </ul>
        </section>
      </div>
      <div className="border-t border-brand-700">
        <div className="mx-auto max-w-6xl px-4 py-4 text-xs text-brand-100">
          <p>{t("footer.copyright", { year })}</p>
          <p className="mt-1 flex gap-4">
            <Link to="/dieu-khoan" className={footerLink}>
              {t("privacy.footer.terms")}
            </Link>
            <Link to="/quyen-rieng-tu" className={footerLink}>
              {t("privacy.footer.privacy")}
            </Link>
          </p>
          {isDemo ? <p className="mt-1">{t("footer.fictional")}</p> : null}
        </div>
      </div>
    </footer>
  );
}
