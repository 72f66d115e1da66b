import { describe, expect, it } from "vitest";
import {
  checkPasswordPolicy,
  hashPassword,
  loadCommonPasswords,
  readVietnamesePasswords,
  verifyPassword,
} from "~/modules/auth/passwords.server";

describe("password policy", () => {
  it("loads at least 10,000 common passwords plus the Vietnamese list", async () => {
    const common = await loadCommonPasswords();
    expect(common.size).toBeGreaterThanOrEqual(10_000);
    const vietnamese = readVietnamesePasswords();
    expect(vietnamese.length).toBeGreaterThanOrEqual(100);
    for (const word of vietnamese) expect(common.has(word)).toBe(true);
  });

  it("refuses passwords shorter than 8 characters", async () => {
    expect(await checkPasswordPolicy("Ab3$xyz")).toBe("tooShort");
    expect(await checkPasswordPolicy("")).toBe("tooShort");
  });

  it("counts characters, not UTF-16 units or bytes", async () => {
    // 8 Vietnamese letters, some of them several bytes long.
    expect(await checkPasswordPolicy("Đường về")).toBeNull();
  });

  it("refuses common passwords whatever their case", async () => {
    for (const password of ["password", "12345678", "qwertyuiop", "Iloveyou", "PASSWORD1"]) {
      expect(await checkPasswordPolicy(password), password).toBe("common");
    }
  });

  it("refuses common Vietnamese passwords", async () => {
    for (const password of ["matkhau123", "anhyeuem", "EmYeuAnh", "vietnam123", "hanoi1234"]) {
      expect(await checkPasswordPolicy(password), password).toBe("common");
    }
  });

  it("refuses absurdly long passwords", async () => {
    expect(await checkPasswordPolicy("a".repeat(201))).toBe("tooLong");
  });

  it("accepts a long uncommon passphrase", async () => {
    expect(await checkPasswordPolicy("Hồ tiêu Vĩnh Linh cay nồng")).toBeNull();
    expect(await checkPasswordPolicy("QuangTri@Admin2026")).toBeNull();
  });
});

describe("argon2id hashing", () => {
  it("hashes with argon2id and verifies", async () => {
    const stored = await hashPassword("Cà phê Khe Sanh");
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, "Cà phê Khe Sanh")).toBe(true);
    expect(await verifyPassword(stored, "Cà phê Khe sanh")).toBe(false);
  });

  it("treats NFC and NFD spellings of the same password alike", async () => {
    const stored = await hashPassword("Cà phê".normalize("NFD"));
    expect(await verifyPassword(stored, "Cà phê".normalize("NFC"))).toBe(true);
  });

  it("says false (no throw) for a malformed hash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });
});
