import { enhanceCopyButtons } from "./copy-link";
import { enhanceHeaderSearch } from "./header-suggest";
import { enhanceLineTotals } from "./line-total";

/**
 * The one script of a page sent without React (docs/decisions/035, "Hydrating less"): the root
 * Layout loads it instead of the framework. Each part finds its elements by their data
 * attributes, written by the same components that render them, and does nothing on a page
 * without them; without JavaScript every one of those elements still works or stays hidden.
 */
enhanceHeaderSearch();
enhanceCopyButtons();
enhanceLineTotals();
