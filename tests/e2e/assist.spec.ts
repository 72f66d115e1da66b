import type { Page } from "@playwright/test";
import { audit, expect, expectNoHorizontalScroll, test } from "./fixtures";
import { DEMO_ACCOUNTS, readDemo, t } from "./support";

/**
 * Assisted mode (issue 15) on a 360×740 phone without JavaScript: the commune's staff member
 * creates a producer and its first member, starts acting for it from the confirmation,
 * lists a product for it, cannot change its bank account, ends with the banner's button, and
 * reads both names in the audit log.
 */
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

const staff = DEMO_ACCOUNTS.find((a) => a.key === "commune-staff")!;

async function check(page: Page) {
  await audit(page);
  await expectNoHorizontalScroll(page);
}

test("staff create a producer, list a product for her in assisted mode, and the log shows both names", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const producerName = `Tổ hợp tác Thử ${suffix}`;
  const memberPhone = `0987${String(Date.now()).slice(-6)}`;
  const title = `Mắm ruốc nhờ cán bộ đăng ${suffix}`;

  // Log in as the commune's staff member (0900000003) straight to the producer directory.
  await page.goto(`/dang-nhap?next=${encodeURIComponent("/quan-ly/nha-san-xuat")}`);
  await audit(page);
  await page.getByLabel(t("vi", "auth.field.identifier")).fill(staff.phone);
  await page.getByLabel(t("vi", "auth.field.password"), { exact: true }).fill(staff.password);
  await page.getByRole("button", { name: t("vi", "auth.login.submit") }).click();
  await page.waitForURL((url) => url.pathname === "/quan-ly/nha-san-xuat");
  await check(page);

  // 1. A new producer and its first member.
  await page.getByRole("link", { name: t("vi", "assist.new.link") }).click();
  await page.waitForURL((url) => url.pathname === "/quan-ly/nha-san-xuat/moi");
  await check(page);
  await page.getByLabel(t("vi", "assist.new.producerName")).fill(producerName);
  await page.getByLabel(t("vi", "assist.new.address")).fill("Thôn Tân Mỹ, xã Vĩnh Linh");
  await page.getByLabel(t("vi", "assist.new.membersTotal")).fill("6");
  await page.getByLabel(t("vi", "assist.new.memberName")).fill("Lê Thị Hoa");
  await page.getByLabel(t("vi", "assist.new.memberPhone")).fill(memberPhone);
  await page.getByRole("button", { name: t("vi", "assist.new.submit") }).click();
  await page.waitForURL(/\/quan-ly\/nha-san-xuat\/moi\?ma=SX\d+/);
  const code = /ma=(SX\d+)/.exec(page.url())?.[1] ?? "";
  await expect(page.getByRole("status").filter({ hasText: code })).toBeVisible();
  await check(page);
  const created = readDemo(
    (db) =>
      db
        .prepare(
          `select p.verification_status as status, u.display_name as member, m.role
           from producers p join producer_memberships m on m.producer_id = p.id
           join users u on u.id = m.user_id where p.code = ?`,
        )
        .get(code) as { status: string; member: string; role: string } | undefined,
  );
  expect(created).toEqual({ status: "verified", member: "Lê Thị Hoa", role: "owner" });

  // 2. Assisted mode: the banner on every page, the workspace of that producer.
  await page
    .getByRole("button", { name: t("vi", "assist.start.button", { producer: producerName }) })
    .click();
  await page.waitForURL((url) => url.pathname === "/ban-hang");
  const banner = page.getByRole("status", { name: t("vi", "assist.banner.label") });
  await expect(banner).toContainText(t("vi", "assist.banner.text", { producer: producerName }));
  await check(page);

  // 3. A listing for her, as a draft.
  await page.goto("/ban-hang/san-pham/moi");
  await expect(banner).toBeVisible();
  await check(page);
  await page.getByLabel(t("vi", "listingForm.titleLabel")).fill(title);
  await page
    .getByRole("combobox", { name: t("vi", "listingForm.category") })
    .selectOption({ index: 1 });
  await page
    .getByLabel(t("vi", "listingForm.description"))
    .fill("Mắm ruốc làm theo cách truyền thống của chị em trong tổ.");
  await page.getByLabel(t("vi", "listingForm.price")).fill("85.000");
  await page.getByRole("combobox", { name: t("vi", "listingForm.unit") }).selectOption("hũ");
  await page.getByLabel(t("vi", "listingForm.stock")).fill("20");
  await page.getByRole("button", { name: t("vi", "listingForm.saveDraft") }).click();
  await page.waitForURL(/\/ban-hang\/san-pham\/SP\d+\?thong-bao=created/);
  await check(page);
  const listingProducer = readDemo(
    (db) =>
      db
        .prepare(
          "select p.code from listings l join producers p on p.id = l.producer_id where l.title = ?",
        )
        .get(title) as { code: string } | undefined,
  );
  expect(listingProducer?.code).toBe(code);

  // 4. The bank account: no form in assisted mode, and a posted one is refused.
  await page.goto("/ban-hang/ho-so");
  await expect(page.getByText(t("vi", "listingtools.bank.ownerOnly"))).toBeVisible();
  await expect(page.getByLabel(t("vi", "profile.bankAccountNumber"))).toHaveCount(0);
  await check(page);
  const refused = await page.request.post("/ban-hang/ho-so", {
    form: {
      intent: "bank",
      producer: code,
      bankBin: "970436",
      bankAccountNumber: "0123456789",
      bankAccountName: "LE THI HOA",
    },
    headers: { Origin: baseURL ?? "" },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain(t("vi", "assist.error.refusedInAssist"));
  const bank = readDemo(
    (db) =>
      db.prepare("select bank_account_number as n from producers where code = ?").get(code) as {
        n: string | null;
      },
  );
  expect(bank.n).toBeNull();

  // 5. The banner's button ends it.
  await page.goto("/ban-hang");
  await check(page);
  await banner.getByRole("button", { name: t("vi", "assist.banner.end") }).click();
  await page.waitForURL((url) => url.pathname === `/quan-ly/nha-san-xuat/${code}`);
  await expect(banner).toHaveCount(0);
  await check(page);

  // 6. The audit log names both: the staff member and the producer she acted for.
  await page.goto("/quan-ly/nhat-ky");
  const both = t("vi", "assist.log.both", { staff: staff.displayName, producer: producerName });
  await expect(page.getByText(both).first()).toBeVisible();
  await check(page);
});
