import { useMessage } from "~/components/auth-form";

/**
 * The error under a field of a hand-written form whose action answers `{ fieldErrors }`: the
 * schema's own checks give message keys, translated here; a module's refusal is already a
 * message in the reader's language and shows as it is. Null when the field has none.
 */
export function useFieldError(
  reply: { fieldErrors?: Readonly<Record<string, string>> | null } | undefined,
): (name: string) => string | null {
  const message = useMessage();
  return (name) => {
    const error = reply?.fieldErrors?.[name];
    return error ? message(error) : null;
  };
}
