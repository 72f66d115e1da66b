import type { viGroups } from "./vi";

/** Strings of the search and catalog area that are not in the shell catalog. */
export const searchEn: Record<keyof typeof viGroups.search, string> = {
  "search.errors.invalidQuery": "The search request is not valid.",
  "search.errors.productNotFound": "Product not found.",
  "search.errors.notWholeNumber":
    "Parameter {parameter} is not valid: {parameter} must be a whole number, 0 or more",
  "search.errors.outOfRange":
    "Parameter {parameter} is not valid: {parameter} must be between {min} and {max}",
  "search.errors.tooLong":
    "Parameter {parameter} is not valid: {parameter} may be at most {max} characters long",
  "search.errors.notCategoryCode":
    "Parameter {parameter} is not valid: {parameter} must be a category code, e.g. ca-phe",
  "search.errors.notOneOf":
    "Parameter {parameter} is not valid: {parameter} must be one of: {values}",
  "search.errors.notMatchMode":
    "Parameter {parameter} is not valid: {parameter} must be all or any",
  "search.errors.priceMaxBelowMin":
    "Parameter price_max is not valid: price_max must be greater than or equal to price_min",
  "search.errors.suggestQueryRequired":
    "Parameter {parameter} is not valid: type what to search for",
  "search.errors.suggestQueryTooShort":
    "Parameter {parameter} is not valid: {parameter} needs at least {min} characters",
  "search.didYouMean": "Did you mean “{query}”?",
  "search.suggestionsSeeAll": "See all results for “{query}”",
  "catalog.errors.productGone": "This product was not found. It may no longer be for sale.",
  "catalog.errors.producerNotFound": "This producer was not found.",
  "demand.errors.requestNotFound": "This purchase request was not found.",
  "demand.errors.buyersOnly": "Only buyer accounts can post purchase requests.",
  "demand.errors.unknownCategory": "This category does not exist.",
};
