import type { Page } from "@playwright/test";
import { phoneJpeg } from "../helpers/images";
import { audit, expect, expectNoHorizontalScroll, snapshot, test } from "./fixtures";
import { DEMO_ACCOUNTS, logIn, logOut, t } from "./support";

/**
 * The producer workspace and the moderation pages without JavaScript on a 360 px phone:
 * forms keep what was typed when they fail, destructive actions ask for confirmation on a
 * page of their own, imports report every broken row, and nothing scrolls sideways.
 */
test.use({
  javaScriptEnabled: false,
  viewport: { width: 360, height: 740 },
  // A refused form answers 400 (or 409), which the browser reports in the console.
  allowedConsoleErrors: [/status of 4\d\d/],
});

function account(key: (typeof DEMO_ACCOUNTS)[number]["key"]) {
  const found = DEMO_ACCOUNTS.find((a) => a.key === key);
  if (!found) throw new Error(`no demo account ${key}`);
  return found;
}

async function check(page: Page, name: string) {
  await audit(page);
  await expectNoHorizontalScroll(page);
  await snapshot(page, `nojs-supply-${name}-360`);
}

test("a producer's listing form, photos and archiving work without JavaScript", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const producer = account("producer");
  await logIn(page, producer, producer.email);

  await page.goto("/ban-hang/san-pham");
  await check(page, "listings");

  // A failed form keeps what was typed and says what is wrong, field by field.
  await page.goto("/ban-hang/san-pham/moi");
  await check(page, "new");
  const title = `Mật ong rừng thử nghiệm ${Date.now().toString(36)}`;
  await page.getByLabel(t("vi", "listingForm.titleLabel")).fill(title);
  await page.getByLabel(t("vi", "listingForm.price")).fill("không biết");
  await page.getByRole("button", { name: t("vi", "listingForm.saveDraft") }).click();
  await expect(page.getByText(t("vi", "form.errorSummary"))).toBeVisible();
  await expect(page.getByText(t("vi", "listing.error.price"))).toBeVisible();
  await expect(page.getByText(t("vi", "listing.error.category"))).toBeVisible();
  await expect(page.getByLabel(t("vi", "listingForm.titleLabel"))).toHaveValue(title);
  await expect(page.getByLabel(t("vi", "listingForm.price"))).toHaveValue("không biết");
  await check(page, "new-errors");

  await page
    .getByRole("combobox", { name: t("vi", "listingForm.category") })
    .selectOption({ label: "— Hồ tiêu" });
  await page.getByLabel(t("vi", "listingForm.price")).fill("90000");
  await page.getByRole("combobox", { name: t("vi", "listingForm.unit") }).selectOption("hũ");
  await page.getByRole("button", { name: t("vi", "listingForm.saveDraft") }).click();
  await page.waitForURL(/thong-bao=created/);
  await check(page, "edit");

  await page.getByLabel(t("vi", "images.file")).setInputFiles({
    name: "anh.jpg",
    mimeType: "image/jpeg",
    buffer: await phoneJpeg(640, 480),
  });
  await page.getByRole("button", { name: t("vi", "images.upload") }).click();
  await expect(page.getByText(t("vi", "images.uploaded"))).toBeVisible();
  await audit(page);
  // A text file named .jpg is refused by its content.
  await page.getByLabel(t("vi", "images.file")).setInputFiles({
    name: "khong-phai-anh.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from("không phải ảnh"),
  });
  await page.getByRole("button", { name: t("vi", "images.upload") }).click();
  await expect(page.getByText("Tệp này không phải ảnh JPEG, PNG hoặc WebP.")).toBeVisible();
  await check(page, "edit-image-refused");

  // Archiving asks first, on a page of its own.
  await page.getByRole("link", { name: t("vi", "listingEdit.archive") }).click();
  await expect(page.getByText(t("vi", "listingEdit.archiveConfirmTitle"))).toBeVisible();
  await check(page, "archive-confirm");
  await page.getByRole("button", { name: t("vi", "listingEdit.confirmArchive") }).click();
  await expect(page.getByText(t("vi", "listingEdit.archived"))).toBeVisible();
  await audit(page);
  await page.getByRole("button", { name: t("vi", "listingEdit.restore") }).click();
  await expect(page.getByText(t("vi", "listingEdit.restored"))).toBeVisible();
  await audit(page);
});

test("a producer's import lists every broken row without JavaScript", async ({ page }) => {
  test.setTimeout(240_000);
  const producer = account("producer");
  await logIn(page, producer, producer.phone);
  // An import with broken rows lists each problem and writes nothing.
  await page.goto("/ban-hang/nhap-du-lieu");
  await check(page, "import");
  const csv = [
    "sku,producer_code,title,category,price_vnd,unit,stock",
    "SX001-E2E-1,SX001,Tiêu nhập từ tệp,ho-tieu,mười nghìn,kg,5",
    "SX001-E2E-2,SX002,Mực của nhà khác,hai-san-kho,50000,kg,5",
  ].join("\n");
  await page.getByLabel(t("vi", "import.productsFile")).setInputFiles({
    name: "san-pham.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
  await page.getByRole("button", { name: t("vi", "import.check") }).click();
  await page.waitForURL(/\?lan=/);
  for (let i = 0; i < 10; i += 1) {
    await audit(page);
    const refresh = page.getByRole("link", { name: t("vi", "import.refresh") });
    if ((await refresh.count()) === 0) break;
    await refresh.click();
  }
  await expect(
    page.getByRole("heading", { name: t("vi", "import.problemsTitle", { count: 2 }) }),
  ).toBeVisible();
  // The problem names its column by the template's Vietnamese heading.
  await expect(page.getByRole("cell", { name: "Giá (đồng)" })).toBeVisible();
  await expect(
    page.getByRole("cell", { name: "Bạn chỉ được nhập sản phẩm của gian hàng mình." }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: t("vi", "import.commit") })).toHaveCount(0);
  await check(page, "import-problems");

  await page.goto("/ban-hang/ho-so");
  await check(page, "profile");
});

test("an edit of a published product is reviewed field by field without JavaScript", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const producer = account("producer");
  await logIn(page, producer, producer.email);
  // An edit of a published product's title goes to review.
  await page.goto("/ban-hang/san-pham/SP0002");
  await audit(page);
  await page
    .getByLabel(t("vi", "listingForm.titleLabel"))
    .fill("Hồ tiêu đen Vĩnh Linh túi 1kg (mới)");
  await page.getByRole("button", { name: t("vi", "listingForm.save") }).click();
  await expect(page.getByText(t("vi", "listingEdit.savedRevision"))).toBeVisible();
  await check(page, "edit-revision");
  await logOut(page);

  // The commune's moderator sees the edit field by field and sends it back.
  const staff = account("commune-staff");
  await logIn(page, staff, staff.phone);
  await page.goto("/quan-ly/kiem-duyet?loai=revision");
  await check(page, "queue");
  await page
    .getByRole("link", {
      name: t("vi", "moderation.open", { title: "Hồ tiêu đen Vĩnh Linh túi 1kg" }),
    })
    .click();
  await expect(page.locator("ins").first()).toHaveText(/\(mới\)/);
  await check(page, "revision");
  // A rejection needs a reason.
  await page.getByRole("button", { name: t("vi", "moderation.requestChanges") }).click();
  await expect(page.getByText(t("vi", "moderation.error.reason"))).toBeVisible();
  await audit(page);
  await page.getByLabel(t("vi", "moderation.reason")).fill("Giữ tên cũ cho khớp với bao bì đã in.");
  await page.getByRole("button", { name: t("vi", "moderation.requestChanges") }).click();
  await expect(page.getByText(t("vi", "moderation.decided"))).toBeVisible();
  await audit(page);
  await page.goto("/quan-ly/nhap-du-lieu");
  await check(page, "staff-import");
});
