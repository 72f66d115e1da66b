import { readdirSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "~/lib/i18n";
import { createSession } from "~/modules/auth/session.server";
import { writeAudit } from "~/modules/platform/audit.server";
import { openDatabase, type Db } from "~db/client.server";
import { listings, notifications, orgUnits, staffMemberships, users } from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { projectRoot, startServer, type StartedServer } from "../helpers/server";

/**
 * The oversight pages on the real server with the demo data (issue 13): the staff menu of
 * each staff role links only to pages that open (no 403) and lists every staff page the role
 * can open; the audit log masks personal fields for non-admins; the work alerts job told the
 * demo commune's moderators of the demo work; bulk approval lands on /quan-ly/kiem-duyet;
 * moderation pages show localized dates and mark a note of the previous review round.
 */

type Role = "moderator" | "reporter" | "admin" | "commune-staff" | "buyer" | "producer";

const NAV_LABEL = t("vi", "moderation.navLabel");

/** The staff pages: quan-ly.* page routes (.tsx) without a parameter, as URL paths. */
function staffPagePaths(): string[] {
  return readdirSync(join(projectRoot, "app", "routes"))
    .filter((file) => file.startsWith("quan-ly") && file.endsWith(".tsx") && !file.includes("$"))
    .map((file) => {
      const segments = file
        .slice(0, -".tsx".length)
        .split(".")
        .filter((segment) => segment !== "_index")
        .map((segment) => segment.replace(/_$/, ""));
      return `/${segments.join("/")}`;
    })
    .sort();
}

/** The links of the staff menu in a page's HTML. */
function menuLinks(html: string): string[] {
  const start = html.indexOf(`<nav aria-label="${NAV_LABEL}"`);
  if (start < 0) return [];
  const nav = html.slice(start, html.indexOf("</nav>", start));
  return [...nav.matchAll(/href="([^"]+)"/g)].map((match) => match[1] ?? "");
}

/** A page is in the menu when it is an entry, or lies under a section entry (not the home). */
function inMenu(path: string, menu: string[]): boolean {
  return menu.some(
    (entry) => path === entry || (entry !== "/quan-ly" && path.startsWith(`${entry}/`)),
  );
}

/** The page's text as shown, without the loader data Remix embeds for hydration. */
function visibleMarkup(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, "");
}

describe("the staff menu and the oversight pages (real server, demo data)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = {} as Record<Role, string>;

  const get = async (as: Role, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] },
    });
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      html: decodeEntities(await response.text()),
    };
  };

  /** A user with one staff role over a unit, signed in with a session of her own. */
  const staffUser = async (role: "moderator" | "reporter", unitCode: string) => {
    const unit = db.select().from(orgUnits).where(eq(orgUnits.code, unitCode)).get();
    if (!unit) throw new Error(`no unit ${unitCode}`);
    const userId = db
      .insert(users)
      .values({ email: `${role}@oversight.test`, passwordHash: "x", displayName: `Cán bộ ${role}` })
      .returning({ id: users.id })
      .get().id;
    db.insert(staffMemberships).values({ userId, orgUnitId: unit.id, role }).run();
    return (await createSession(db, userId)).cookie;
  };

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookies.moderator = await staffUser("moderator", "QT");
    cookies.reporter = await staffUser("reporter", "QT");
    for (const key of ["admin", "commune-staff", "buyer", "producer"] as const) {
      cookies[key] = await demoSessionCookie(server.url, key);
    }
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  }, 60_000);

  it("shows each staff role exactly the pages it can open", async () => {
    const pages = staffPagePaths();
    expect(pages).toEqual(
      expect.arrayContaining(["/quan-ly/nhat-ky", "/quan-ly/nha-san-xuat", "/quan-ly/hoa-hong"]),
    );
    const menus = {} as Record<string, string[]>;
    for (const role of ["moderator", "reporter", "admin", "commune-staff"] as const) {
      const home = await get(role, "/quan-ly");
      expect(home.status, role).toBe(200);
      const menu = menuLinks(home.html);
      menus[role] = menu;
      expect(menu.length, role).toBeGreaterThan(2);
      // Every entry opens: no 403, no 404.
      for (const link of menu) {
        expect((await get(role, link)).status, `${role} ${link}`).toBe(200);
      }
      // Every staff page the role can open is in its menu (an entry or under a section).
      for (const path of pages) {
        const { status, html } = await get(role, path);
        if (status !== 200 || !html.includes("<html")) continue;
        expect(inMenu(path, menu), `${role} opens ${path} but the menu lacks it`).toBe(true);
      }
    }
    expect(menus.admin).toEqual(
      expect.arrayContaining([
        "/quan-ly/kiem-duyet",
        "/quan-ly/nha-san-xuat",
        "/quan-ly/hoa-hong",
        "/quan-ly/nhat-ky",
        "/quan-ly/bao-cao",
        "/quan-ly/thanh-toan",
      ]),
    );
    expect(menus.reporter).not.toContain("/quan-ly/kiem-duyet");
    expect(menus.reporter).toContain("/quan-ly/bao-cao");
    expect(menus.moderator).not.toContain("/quan-ly/bao-cao");
    expect(menus.moderator).not.toContain("/quan-ly/hoa-hong");
    expect(menus["commune-staff"]).not.toContain("/quan-ly/thanh-toan");
  }, 240_000);

  it("shows admins the audit log in full and other staff with personal fields masked", async () => {
    const commune = db.select().from(orgUnits).where(eq(orgUnits.code, "QT-VINHLINH")).get();
    writeAudit(db, {
      actorUserId: null,
      action: "producer.bank.update",
      entityType: "producer",
      entityId: 1,
      orgUnitId: commune?.id ?? null,
      before: { accountNumber: "0123456789", holderName: "HOANG THI HO TIEU" },
      after: { accountNumber: "9876543210", bankBin: "970436" },
      ipAddress: "198.51.100.7",
    });
    const query = "/quan-ly/nhat-ky?hanh-dong=producer.bank.update";
    const admin = await get("admin", query);
    expect(admin.status).toBe(200);
    expect(admin.html).toContain("9876543210");
    expect(admin.html).toContain("HOANG THI HO TIEU");
    for (const role of ["moderator", "reporter", "commune-staff"] as const) {
      const page = await get(role, query);
      expect(page.status, role).toBe(200);
      expect(page.html, role).not.toContain("9876543210");
      expect(page.html, role).not.toContain("0123456789");
      expect(page.html, role).not.toContain("198.51.100.7");
      expect(page.html, role).toContain(t("vi", "oversight.audit.masked"));
      expect(page.html, role).toContain("970436");
    }
    expect((await get("buyer", "/quan-ly/nhat-ky")).status).toBe(403);
    expect((await get("producer", "/quan-ly/nhat-ky")).status).toBe(403);
  });

  it("told the demo commune's moderators of the work waiting for them", async () => {
    const communeStaff = db
      .select()
      .from(users)
      .where(eq(users.email, "xa.vinhlinh@cungcau.demo"))
      .get();
    const kinds = db
      .select({ kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.userId, communeStaff?.id ?? 0))
      .all()
      .map((n) => n.kind);
    expect(kinds.filter((kind) => kind === "work.listing.nearest")).toHaveLength(2);
    expect(kinds).toContain("work.revision.nearest");
  });

  it("marks the note of the previous round and shows dates the Vietnamese way", async () => {
    const [listing] = db.select().from(listings).where(eq(listings.status, "pending")).all();
    if (!listing) throw new Error("the demo has pending listings");
    db.update(listings)
      .set({
        moderationNote: "Ảnh bao bì còn mờ.",
        moderationNoteAt: new Date(listing.updatedAt.getTime() - 86_400_000),
        ocopStars: 3,
        ocopCertificateNo: "OCOP-QT-0042",
        ocopIssuedOn: "2025-01-15",
        ocopExpiresOn: "2028-01-14",
      })
      .where(eq(listings.id, listing.id))
      .run();
    const review = await get("commune-staff", `/quan-ly/kiem-duyet/san-pham/${listing.id}`);
    expect(review.status).toBe(200);
    expect(review.html).toContain("Ghi chú của lần duyệt trước");
    expect(review.html).toContain("Ảnh bao bì còn mờ.");
    expect(review.html).toContain("15/01/2025 → 14/01/2028");
    expect(visibleMarkup(review.html)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const own = await get("producer", `/ban-hang/san-pham/${listing.sku}`);
    expect(own.status).toBe(200);
    expect(own.html).toContain("Ghi chú của lần duyệt trước");
  });

  it("lands a bulk approval on /quan-ly/kiem-duyet with what was and was not approved", async () => {
    const pending = db.select().from(listings).where(eq(listings.status, "pending")).all();
    const target = pending[pending.length - 1];
    if (!target) throw new Error("the demo has pending listings");
    const body = new URLSearchParams({ intent: "bulk_approve" });
    body.append("items", `listing:${target.id}`);
    body.append("items", "revision:999999");
    const response = await fetch(`${server.url}/quan-ly/kiem-duyet?index`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookies["commune-staff"],
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body,
    });
    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith("/quan-ly/kiem-duyet?")).toBe(true);
    expect(location).not.toContain("index");
    const landed = await get("commune-staff", location);
    expect(landed.status).toBe(200);
    expect(landed.html).toContain(t("vi", "moderation.bulkResult", { count: "1" }));
    const failures = landed.html.slice(landed.html.indexOf(t("vi", "moderation.bulkFailures")));
    expect(failures).toContain("revision:999999");
    expect(failures).toContain(t("vi", "moderation.error.revisionNotFound"));
    expect(db.select().from(listings).where(eq(listings.id, target.id)).get()?.status).toBe(
      "published",
    );
  });
});
