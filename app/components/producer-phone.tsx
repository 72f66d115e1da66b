import { useT } from "~/lib/i18n";

/** The digits Zalo's link wants: a Vietnamese mobile number starting with 0. */
export function zaloNumber(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.startsWith("84") ? `0${digits.slice(2)}` : digits;
}

/**
 * A producer's phone as a call link with a Zalo link beside it (zalo.me/<phone> opens a chat
 * in the app or on the web), the way most Vietnamese buyers reach a seller. Plain links: no
 * JavaScript needed.
 */
export function ProducerPhone({ phone, name }: { phone: string; name: string }) {
  const t = useT();
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
      <a
        href={`tel:${phone}`}
        className="font-medium text-brand-800 underline"
        aria-label={t("contact.call", { name, phone })}
      >
        {phone}
      </a>
      <a
        href={`https://zalo.me/${zaloNumber(phone)}`}
        className="rounded-full border border-brand-700 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-50"
        aria-label={t("contact.zalo", { name })}
        rel="noopener noreferrer"
      >
        Zalo
      </a>
    </span>
  );
}
