/** Privacy (decree 13/2023/NĐ-CP): terms and privacy pages, consent, data download, closing an account (issue 15). */
export const privacyVi = {} as const;
