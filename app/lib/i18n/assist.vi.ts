/** Assisted mode: staff create a producer and act for it (issue 15). */
export const assistVi = {} as const;
