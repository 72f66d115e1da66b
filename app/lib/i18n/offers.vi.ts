/** Strings of the demand area: offers, their question threads and accepting one. */
export const offersVi = {} as const;
