/** Pages that lead to buying: home sections, product cards and page extras, order timeline, cart extras, rating input, units in English (issue 14). */
export const journeyVi = {} as const;
