import type { viGroups } from "./vi";

/** Strings of the demand area (purchase requests and their matches). */
export const demandEn: Record<keyof typeof viGroups.demand, string> = {
  "demand.match.sameCategory": "same category: {category}",
  "demand.match.relatedCategory": "related category: {category}",
  "demand.match.stockEnough": "{stock} {unit} in stock, {quantity} {unit} needed",
  "demand.match.stockShort": "only {stock} {unit} in stock, {quantity} {unit} needed",
  "demand.match.outOfStock": "out of stock, {quantity} {unit} needed",
  "demand.match.minimumOrder": "minimum order {minimum} {unit}",
  "demand.match.otherUnit": "sold by the {unit}, requested by the {wanted}",
  "demand.match.sameCommune": "same commune",
  "demand.match.sameProvince": "same province: {province}",
  "demand.match.ocop": "OCOP {stars} stars",
  "demand.match.certification": "certified {certification}",
};
