import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { transferInstructions } from "~/modules/payments/bank-transfer.server";
import {
  buildVietQrPayload,
  crc16CcittFalse,
  sanitizePurpose,
  vietQrSvg,
} from "~/modules/payments/vietqr.server";

/**
 * A payload produced by a Vietnamese payment gateway (payOS) for a 2 000 đ transfer to
 * account VQRQABRLS0448 at BIN 970422 (MB), message "18f8746b181045f0a2ce".
 */
const GATEWAY_VECTOR =
  "00020101021238570010A000000727012700069704220113VQRQABRLS04480208QRIBFTTA5303704540420005802VN6224082018f8746b181045f0a2ce63040FC0";

async function decodeSvg(svg: string): Promise<string | null> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
    .flatten({ background: "#ffffff" })
    .resize({ width: 600 })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.length);
  return jsQR(pixels, info.width, info.height)?.data ?? null;
}

describe("VietQR", () => {
  it("computes CRC-16/CCITT-FALSE (check value of 123456789 is 29B1)", () => {
    expect(crc16CcittFalse("123456789")).toBe("29B1");
  });

  it("builds a gateway's payload byte for byte", () => {
    expect(
      buildVietQrPayload({
        bankBin: "970422",
        accountNumber: "VQRQABRLS0448",
        amountVnd: 2000,
        purpose: "18f8746b181045f0a2ce",
      }),
    ).toBe(GATEWAY_VECTOR);
  });

  it("builds a static code without amount (point of initiation 11)", () => {
    const payload = buildVietQrPayload({ bankBin: "970436", accountNumber: "0123456789" });
    expect(payload).toBe(
      "00020101021138540010A00000072701240006970436011001234567890208QRIBFTTA53037045802VN6304" +
        crc16CcittFalse(
          "00020101021138540010A00000072701240006970436011001234567890208QRIBFTTA53037045802VN6304",
        ),
    );
  });

  it("keeps the transfer message to what banking apps accept", () => {
    expect(sanitizePurpose("Đơn DH7K3Q – thanh toán!")).toBe("Don DH7K3Q  thanh toan");
    expect(() => buildVietQrPayload({ bankBin: "97042", accountNumber: "1" })).toThrow();
    expect(() =>
      buildVietQrPayload({ bankBin: "970422", accountNumber: "1", amountVnd: 10.5 }),
    ).toThrow();
  });

  it("draws an SVG that decodes back to the payload", async () => {
    const svg = await vietQrSvg(GATEWAY_VECTOR);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(await decodeSvg(svg)).toBe(GATEWAY_VECTOR);
  });

  it("gives transfer instructions for an order waiting for a transfer", async () => {
    const detail = {
      order: {
        code: "DH7K3QX9TA",
        totalVnd: 270000,
        paymentMethod: "bank_transfer" as const,
        status: "pending_payment" as const,
      },
      producer: { bankBin: "970436", bankAccountNumber: "0123456789", bankAccountName: "HTX A" },
    };
    const instructions = await transferInstructions(detail);
    expect(instructions?.message).toBe("DH7K3QX9TA");
    expect(instructions?.bankName).toBe("Vietcombank");
    expect(instructions?.payload).toContain("5406270000");
    expect(instructions?.payload).toContain("62140810DH7K3QX9TA");
    expect(await decodeSvg(instructions?.svg ?? "")).toBe(instructions?.payload);
    expect(
      await transferInstructions({
        ...detail,
        order: { ...detail.order, status: "confirmed" as const },
      }),
    ).toBeNull();
  });
});
