import { Link as RemixLink, type LinkProps } from "@remix-run/react";
import { createContext, forwardRef, useContext } from "react";

/**
 * Whether the document being rendered hydrates (root's Layout provides it from the route
 * handles, docs/decisions/035). True by default and always in the browser, where the app runs.
 */
export const DocumentHydratesContext = createContext(true);

/**
 * A path React Router would hand to the browser as it is: absolute, not `//host`, no `.` or
 * `..` segment and no doubled slash before the query. Anything else goes through its Link.
 */
const AS_IS_PATH = /^\/(?!\/)(?![^?#]*\/\/)(?![^?#]*\/\.\.?(?:[/?#]|$))/;

/**
 * The app's link. On a page sent without React nothing will ever handle a click, so an
 * absolute path is a plain `<a href>`: Remix's Link resolves its target three times and sets
 * up prefetching and a click handler, a tenth of such a page's server time (decision 034).
 * Everywhere else it is Remix's Link.
 */
export const Link = forwardRef<HTMLAnchorElement, LinkProps>(function Link(props, ref) {
  const hydrates = useContext(DocumentHydratesContext);
  if (hydrates || typeof props.to !== "string" || !AS_IS_PATH.test(props.to)) {
    return <RemixLink ref={ref} {...props} />;
  }
  const {
    to,
    children,
    prefetch: _prefetch,
    discover: _discover,
    reloadDocument: _reloadDocument,
    replace: _replace,
    state: _state,
    preventScrollReset: _preventScrollReset,
    relative: _relative,
    viewTransition: _viewTransition,
    ...anchor
  } = props;
  return (
    <a ref={ref} href={to} {...anchor}>
      {children}
    </a>
  );
});
