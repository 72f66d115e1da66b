import { DetailList, DetailRow } from "~/components/detail-list";
import { formatPhone } from "~/lib/contact";
import { formatDate, useLocale, useT } from "~/lib/i18n";

/** A member's record as her page shows it, sensitive fields only when a consent is on file. */
export interface MemberDetailsData {
  fullName: string;
  birthYear: number | null;
  phone: string | null;
  joinedOn: string;
  unitName: string;
  producerName: string | null;
  hasConsent: boolean;
  ethnicGroup: string | null;
  householdStatus: "none" | "near_poor" | "poor" | null;
  hasDisability: boolean | null;
  consentGivenOn: string | null;
  consentForm: "paper" | "verbal" | "electronic" | null;
  consentRecordedBy: string | null;
}

/** The record, then the consent and the sensitive fields it allows (or that there is none). */
export function MemberDetails({ member }: { member: MemberDetailsData }) {
  const t = useT();
  const locale = useLocale();
  const none = t("members.field.notGiven");
  return (
    <div className="space-y-4">
      <DetailList>
        <DetailRow label={t("members.field.birthYear")}>{member.birthYear ?? none}</DetailRow>
        <DetailRow label={t("members.field.phone")}>
          {member.phone ? formatPhone(member.phone) : none}
        </DetailRow>
        <DetailRow label={t("members.field.joinedOn")}>
          {formatDate(member.joinedOn, locale)}
        </DetailRow>
        <DetailRow label={t("members.field.unit")}>{member.unitName}</DetailRow>
        <DetailRow label={t("members.field.producer")}>{member.producerName ?? none}</DetailRow>
      </DetailList>
      <section aria-labelledby="sensitive-title" className="space-y-2">
        <h2 id="sensitive-title" className="text-lg font-semibold">
          {t("members.record.sensitiveTitle")}
        </h2>
        {member.hasConsent && member.consentGivenOn && member.consentForm ? (
          <DetailList>
            <DetailRow label={t("members.consent.givenOn")}>
              {formatDate(member.consentGivenOn, locale)}
            </DetailRow>
            <DetailRow label={t("members.consent.form")}>
              {t(`members.consentForm.${member.consentForm}`)}
            </DetailRow>
            <DetailRow label={t("members.consent.recordedBy")}>
              {member.consentRecordedBy ?? none}
            </DetailRow>
            <DetailRow label={t("members.field.ethnicGroup")}>
              {member.ethnicGroup ?? none}
            </DetailRow>
            <DetailRow label={t("members.field.household")}>
              {member.householdStatus ? t(`members.household.${member.householdStatus}`) : none}
            </DetailRow>
            <DetailRow label={t("members.field.disability")}>
              {member.hasDisability === null
                ? none
                : member.hasDisability
                  ? t("members.yes")
                  : t("members.no")}
            </DetailRow>
          </DetailList>
        ) : (
          <p className="rounded-lg bg-stone-100 px-4 py-3 text-stone-800">
            {t("members.record.noConsent")}
          </p>
        )}
      </section>
    </div>
  );
}
