import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { DomainError } from "~/lib/errors";
import { t } from "~/lib/i18n";
import { isMessageKey, type MessageKey } from "~/lib/i18n/translate";
import {
  INVOICE_DONE,
  invoiceDecisionSchema,
  invoiceRequestSchema,
  type InvoiceFormReply,
} from "~/lib/schemas/business";
import type { SignedInActor } from "~/modules/auth/actor";
import type { Db } from "~db/client.server";
import {
  buyerInvoiceView,
  decideInvoice,
  producerInvoiceView,
  requestInvoice,
} from "./invoice-requests.server";

/**
 * The invoice forms' branch of the two order pages' actions: read the form, call the module,
 * then go back to the page (303) with a notice, or answer the refusal (4xx) for the invoice
 * panel, what was typed kept. A 404 (not her order) is thrown for the page's error boundary.
 */

function refusal(
  formData: FormData,
  status: number,
  formError: string | null,
  fieldErrors: Record<string, string> = {},
) {
  const values = Object.fromEntries(
    [...formData.entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const invoiceForm: InvoiceFormReply = { formError, fieldErrors, values };
  // The page's own error fields stay empty: the refusal shows in the invoice panel.
  return data(
    { formError: null, fieldErrors: null as Record<string, string> | null, invoiceForm },
    { status },
  );
}

function fieldErrorsIn(error: z.ZodError, locale: SignedInActor["locale"]) {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    const key: MessageKey = isMessageKey(issue.message)
      ? issue.message
      : "business.error.badRequest";
    fieldErrors[field] ??= t(locale, key);
  }
  return fieldErrors;
}

function run(formData: FormData, locale: SignedInActor["locale"], step: () => void) {
  try {
    step();
  } catch (error) {
    if (!(error instanceof DomainError) || error.status === 404) throw error;
    return refusal(formData, error.status, error.messageIn(locale));
  }
  return null;
}

/** The buyer's "send me a VAT invoice" form on /don-hang/{id}. */
export function buyerInvoiceAction(
  db: Db,
  actor: SignedInActor,
  orderId: number,
  formData: FormData,
) {
  // Someone else's order is a 404 whatever the form holds.
  buyerInvoiceView(db, actor.userId, orderId);
  const input = invoiceRequestSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) {
    return refusal(formData, 400, null, fieldErrorsIn(input.error, actor.locale));
  }
  const refused = run(formData, actor.locale, () =>
    requestInvoice(db, actor.userId, orderId, input.data),
  );
  return (
    refused ??
    redirect(`/don-hang/${orderId}?hoa-don=${INVOICE_DONE.invoice_request}#invoice-heading`, 303)
  );
}

/** The producer's "issued" or "declined" form on /ban-hang/don-hang/{id}. */
export function producerInvoiceAction(
  db: Db,
  actor: SignedInActor,
  orderId: number,
  formData: FormData,
) {
  producerInvoiceView(db, actor, orderId);
  const input = invoiceDecisionSchema.safeParse(Object.fromEntries(formData));
  if (!input.success) {
    return refusal(formData, 400, null, fieldErrorsIn(input.error, actor.locale));
  }
  const refused = run(formData, actor.locale, () => decideInvoice(db, actor, orderId, input.data));
  return (
    refused ??
    redirect(
      `/ban-hang/don-hang/${orderId}?hoa-don=${INVOICE_DONE[input.data.intent]}#invoice-heading`,
      303,
    )
  );
}
