/** Strings of staff's producer directory, suspension, unpublishing and verification. */
export const staffproducersVi = {} as const;
