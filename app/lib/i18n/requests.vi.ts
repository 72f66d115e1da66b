/** Strings of the demand area: purchase requests' whole life: posting, editing, closing, a buyer's list, places. */
export const requestsVi = {} as const;
