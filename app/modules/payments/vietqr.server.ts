import QRCode from "qrcode";
import { bankByBin } from "~/lib/banks";
import { removeMarks } from "~/lib/text";

/**
 * VietQR: the NAPAS profile of the EMVCo merchant-presented QR code, which every Vietnamese
 * banking app scans to pre-fill a transfer (bank, account, amount and the message).
 */

/** One EMVCo data object: 2-digit id, 2-digit length, value. */
export function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`EMVCo field ${id} longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), 4 hex digits. */
export function crc16CcittFalse(input: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(input, "utf8")) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

export interface VietQrInput {
  /** The bank's 6-digit NAPAS BIN, e.g. 970436 (Vietcombank). */
  bankBin: string;
  accountNumber: string;
  /** Whole đồng; omitted for a static code where the payer types the amount. */
  amountVnd?: number;
  /** The transfer message (the order code), letters and digits only. */
  purpose?: string;
}

const NAPAS_GUID = "A000000727";
/** Inter-bank fund transfer 24/7 to an account. */
const SERVICE_TO_ACCOUNT = "QRIBFTTA";

/** Banking apps reject or mangle anything but unaccented letters, digits and spaces. */
export function sanitizePurpose(text: string): string {
  return removeMarks(text)
    .replace(/[^A-Za-z0-9 ]/g, "")
    .slice(0, 25);
}

/** The VietQR payload string with its CRC (field 63). */
export function buildVietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin)) throw new Error("bank BIN must be 6 digits");
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) throw new Error("bad account number");
  const hasAmount = input.amountVnd !== undefined;
  if (hasAmount && !(Number.isInteger(input.amountVnd) && (input.amountVnd ?? 0) > 0)) {
    throw new Error("amount must be a positive whole number of đồng");
  }
  const beneficiary = tlv("00", input.bankBin) + tlv("01", input.accountNumber);
  const merchantAccount =
    tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_TO_ACCOUNT);
  let payload =
    tlv("00", "01") +
    tlv("01", hasAmount ? "12" : "11") +
    tlv("38", merchantAccount) +
    tlv("53", "704") +
    (hasAmount ? tlv("54", String(input.amountVnd)) : "") +
    tlv("58", "VN");
  const purpose = input.purpose ? sanitizePurpose(input.purpose) : "";
  if (purpose) payload += tlv("62", tlv("08", purpose));
  payload += "6304";
  return payload + crc16CcittFalse(payload);
}

/** The payload drawn as an SVG QR code (error correction M, quiet zone of 4 modules). */
export async function vietQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
}

/**
 * The payload as a PNG QR code the buyer can save and open in her banking app (a phone
 * cannot scan its own screen): error correction M, quiet zone of 4 modules, 8 pixels a module.
 */
export async function vietQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { type: "png", errorCorrectionLevel: "M", margin: 4, scale: 8 });
}

/** The short name of a bank by its NAPAS BIN (app/lib/banks.ts), to show next to the number. */
export function bankNameForBin(bin: string): string | null {
  return bankByBin(bin)?.shortName ?? null;
}
