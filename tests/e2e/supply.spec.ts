import Database from "better-sqlite3";
import sharp from "sharp";
import { phoneJpeg, readExifTags } from "../helpers/images";
import { audit, expect, test } from "./fixtures";
import { DEMO_ACCOUNTS, logIn, logOut, t } from "./support";

/**
 * The supply acceptance test: a producer lists a product with a phone photo carrying GPS
 * and Orientation=6, submits it; the commune's moderator approves it; buyers see it with an
 * upright photo that carries no EXIF and no position.
 */

function account(key: (typeof DEMO_ACCOUNTS)[number]["key"]) {
  const found = DEMO_ACCOUNTS.find((a) => a.key === key);
  if (!found) throw new Error(`no demo account ${key}`);
  return found;
}

function slugOf(sku: string): string {
  const path = process.env.E2E_DATABASE_PATH;
  if (!path) throw new Error("E2E_DATABASE_PATH is not set");
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const row = sqlite.prepare("select slug from listings where sku = ?").get(sku) as
      { slug: string } | undefined;
    if (!row) throw new Error(`no listing ${sku}`);
    return row.slug;
  } finally {
    sqlite.close();
  }
}

test("a producer's listing with a phone photo is approved and shown upright without EXIF", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const producer = account("producer");
  const staff = account("commune-staff");
  const title = `Tiêu đỏ Vĩnh Linh thử nghiệm ${Date.now().toString(36)}`;
  const photo = await phoneJpeg(800, 600);
  // The fixture is what a phone writes: a position and a sideways orientation flag.
  const original = await sharp(photo).metadata();
  expect(original.orientation).toBe(6);
  expect(readExifTags(original.exif ?? Buffer.alloc(0)).gps.length).toBeGreaterThan(0);

  // 1. The producer creates the listing as a draft.
  await logIn(page, producer, producer.phone);
  await page.goto("/ban-hang/san-pham/moi");
  await audit(page);
  await page.getByLabel(t("vi", "listingForm.titleLabel")).fill(title);
  await page
    .getByRole("combobox", { name: t("vi", "listingForm.category") })
    .selectOption({ label: "— Hồ tiêu" });
  await page
    .getByLabel(t("vi", "listingForm.description"))
    .fill("Tiêu đỏ hái chín, phơi nắng tự nhiên trên đất đỏ bazan Vĩnh Linh.");
  await page.getByLabel(t("vi", "listingForm.price")).fill("150.000");
  await page.getByRole("combobox", { name: t("vi", "listingForm.unit") }).selectOption("gói");
  await page.getByLabel(t("vi", "listingForm.stock")).fill("25");
  await page.getByRole("button", { name: t("vi", "listingForm.saveDraft") }).click();
  await page.waitForURL(/\/ban-hang\/san-pham\/SP\d+\?thong-bao=created/);
  const sku = /\/ban-hang\/san-pham\/(SP\d+)/.exec(page.url())?.[1] ?? "";
  await expect(page.getByRole("heading", { level: 1 })).toContainText(sku);
  await audit(page);

  // 2. The photo, then submission for review.
  await page.getByLabel(t("vi", "images.file")).setInputFiles({
    name: "IMG_20261201_101500.jpg",
    mimeType: "image/jpeg",
    buffer: photo,
  });
  await page.getByRole("button", { name: t("vi", "images.upload") }).click();
  await expect(page.getByText(t("vi", "images.uploaded"))).toBeVisible();
  await audit(page);
  await page.getByRole("button", { name: t("vi", "listingEdit.submit") }).click();
  await expect(page.getByText(t("vi", "listingEdit.submitted"))).toBeVisible();
  await audit(page);
  await logOut(page);

  // 3. The commune's moderator finds it in the queue and approves it.
  await logIn(page, staff, staff.email);
  await page.goto("/quan-ly/kiem-duyet");
  await audit(page);
  await page.getByRole("link", { name: t("vi", "moderation.open", { title }) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(sku);
  await audit(page);
  await page.getByRole("button", { name: t("vi", "moderation.approve"), exact: true }).click();
  await expect(page.getByText(t("vi", "moderation.decided"))).toBeVisible();
  await audit(page);
  await logOut(page);

  // 4. Anyone sees it on the public product page.
  const response = await page.goto(`/san-pham/${slugOf(sku)}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await audit(page);
  const src = await page.locator('img[srcset*="/media/"]').first().getAttribute("src");
  expect(src).toMatch(/^\/media\/[a-f0-9]{32}\/\d+\.webp$/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/media\//);

  // 5. The served photo: WebP, nosniff, cached for good, upright, no EXIF and no GPS.
  const served = await page.request.get(src ?? "");
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(served.headers()["cache-control"]).toContain("immutable");
  const bytes = await served.body();
  const meta = await sharp(bytes).metadata();
  expect(meta.format).toBe("webp");
  expect(meta.height ?? 0).toBeGreaterThan(meta.width ?? 0); // 800×600 turned to portrait
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(bytes.includes(Buffer.from("Exif"))).toBe(false);
  // The gradient ran red → blue left to right; upright it runs top to bottom.
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => data[(y * info.width + x) * info.channels] ?? 0;
  expect(at(Math.floor(info.width / 2), 4)).toBeGreaterThan(200);
  expect(at(Math.floor(info.width / 2), info.height - 5)).toBeLessThan(60);
});
