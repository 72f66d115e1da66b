/**
 * The version of the terms of use and privacy notice in force (/dieu-khoan, /quyen-rieng-tu).
 * Sign-up stores it next to the moment of consent (decree 13/2023/NĐ-CP); change it when the
 * texts change in substance, so it is known which text each person accepted.
 */
export const TERMS_VERSION = "2026-12";
