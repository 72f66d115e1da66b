import { z } from "zod";
import { normalizePhone } from "~/lib/contact";
import { PRODUCER_KIND_OPTIONS } from "./auth";
import { singleLineText, wholeNumber } from "./fields";

/**
 * Staff's forms for assisted mode (issue 15): a new producer with its first member, and
 * starting to act for a producer. Messages are keys of the `assist` catalog.
 */

export const NewAssistedProducerSchema = z.object({
  producerName: singleLineText("assist.error.producerName").pipe(
    z.string().min(3, "assist.error.producerName").max(150, "assist.error.producerName"),
  ),
  producerKind: z.enum(PRODUCER_KIND_OPTIONS, { message: "assist.error.producerKind" }),
  orgUnitId: z.coerce
    .number({ message: "assist.error.orgUnit" })
    .int("assist.error.orgUnit")
    .positive("assist.error.orgUnit"),
  address: singleLineText("assist.error.address").pipe(
    z.string().min(5, "assist.error.address").max(300, "assist.error.address"),
  ),
  membersTotal: wholeNumber({ min: 1, max: 100000, message: "assist.error.membersTotal" }),
  memberName: singleLineText("assist.error.memberName").pipe(
    z.string().min(2, "assist.error.memberName").max(120, "assist.error.memberName"),
  ),
  memberPhone: singleLineText("assist.error.memberPhone").transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "assist.error.memberPhone" });
      return z.NEVER;
    }
    return phone;
  }),
});

export type NewAssistedProducerInput = z.output<typeof NewAssistedProducerSchema>;

/** Start acting for a producer (its id), or end the current context. */
export const AssistActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), producerId: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("end") }),
]);
