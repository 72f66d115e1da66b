/**
 * The honeypot of public forms (log in, sign up, producer application): a text field people
 * never see or reach with the keyboard, which form-filling bots fill like any other. A
 * submission with it filled is refused with a generic 400 and nothing is created.
 */
export const HONEYPOT_FIELD = "website";

/** True when the hidden field came back non-empty: the form was filled by a bot. */
export function isHoneypotFilled(formData: FormData): boolean {
  const value = formData.get(HONEYPOT_FIELD);
  return typeof value === "string" ? value.trim() !== "" : value !== null;
}
