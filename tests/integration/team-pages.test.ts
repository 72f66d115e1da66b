import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "~db/client.server";
import { demoAccount } from "~db/seed/demo-accounts";
import { producerMemberships, producerTeamInvites, users } from "~db/schema";
import { demoSessionCookie } from "../helpers/demo-login";
import { decodeEntities } from "../helpers/english";
import { startServer, type StartedServer } from "../helpers/server";

/**
 * A producer's team on the real server, as a browser without JavaScript: the owner invites
 * the demo buyer's phone (a bad number refused under its field, nothing written), the buyer
 * accepts on /tai-khoan/loi-moi, opens the orders but not the statement (403 saying why) and
 * her menu has no statement link; the owner removes her after the confirm step.
 */

const readable = (html: string) => decodeEntities(html).replace(/<!-- -->/g, "");

describe("the team pages (no JavaScript)", () => {
  let server: StartedServer;
  let db: Db;
  const cookies = { producer: "", buyer: "" };
  let producerId = 0;
  let buyerId = 0;

  const page = async (as: keyof typeof cookies, path: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: { Cookie: cookies[as] },
    });
    return { status: response.status, html: readable(await response.text()) };
  };
  const post = async (as: keyof typeof cookies, path: string, form: [string, string][]) => {
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookies[as],
        Origin: server.url,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams(form),
    });
    return {
      status: response.status,
      location: response.headers.get("location") ?? "",
      html: readable(await response.text()),
    };
  };
  const membership = () =>
    db
      .select()
      .from(producerMemberships)
      .where(
        and(
          eq(producerMemberships.producerId, producerId),
          eq(producerMemberships.userId, buyerId),
        ),
      )
      .get();

  beforeAll(async () => {
    server = await startServer();
    db = openDatabase(server.databasePath);
    cookies.producer = await demoSessionCookie(server.url, "producer");
    cookies.buyer = await demoSessionCookie(server.url, "buyer");
    const owner = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoAccount("producer").email))
      .get()!;
    producerId = db
      .select({ producerId: producerMemberships.producerId })
      .from(producerMemberships)
      .where(and(eq(producerMemberships.userId, owner.id), eq(producerMemberships.role, "owner")))
      .get()!.producerId;
    const buyer = db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, demoAccount("buyer").email))
      .get()!;
    buyerId = buyer.id;
    // Her phone is confirmed (the confirmation flow is another page's work).
    db.update(users).set({ phoneConfirmedAt: new Date() }).where(eq(users.id, buyerId)).run();
  }, 300_000);

  afterAll(async () => {
    db?.$client.close();
    await server?.stop();
  });

  it("the owner sees her team page, linked from the workspace menu", async () => {
    const { status, html } = await page("producer", "/ban-hang/nhom");
    expect(status).toBe(200);
    expect(html).toContain("<h1");
    expect(html).toContain("Nhóm làm việc");
    expect(html).toContain('href="/ban-hang/nhom"');
    expect(html).toContain('<label for="invite-phone-');
  });

  it("refuses a bad phone under its field and writes nothing", async () => {
    const answer = await post("producer", "/ban-hang/nhom", [
      ["intent", "invite"],
      ["producerId", String(producerId)],
      ["phone", "12"],
      ["permissions", "orders"],
    ]);
    expect(answer.status).toBe(400);
    expect(answer.html).toMatch(/aria-invalid="true"/);
    expect(answer.html).toMatch(/checked=""[^>]*value="orders"|value="orders"[^>]*checked=""/);
    expect(db.select().from(producerTeamInvites).all()).toEqual([]);
  });

  it("invites the buyer's phone; she accepts on her invitations page and handles orders only", async () => {
    const sent = await post("producer", "/ban-hang/nhom", [
      ["intent", "invite"],
      ["producerId", String(producerId)],
      ["phone", demoAccount("buyer").phone],
      ["permissions", "orders"],
    ]);
    expect(sent.status).toBe(303);
    expect(sent.location).toBe("/ban-hang/nhom?xong=moi");
    expect((await page("producer", sent.location)).html).toContain("Đã gửi lời mời.");

    const invitations = await page("buyer", "/tai-khoan/loi-moi");
    expect(invitations.status).toBe(200);
    expect(invitations.html).toContain("mời bạn vào nhóm");
    const invite = db.select().from(producerTeamInvites).get()!;
    const accepted = await post("buyer", "/tai-khoan/loi-moi", [
      ["intent", "accept"],
      ["inviteId", String(invite.id)],
    ]);
    expect(accepted.status).toBe(303);
    expect(accepted.location).toMatch(/^\/tai-khoan\/loi-moi\?vao=/);
    expect(membership()).toMatchObject({ role: "member", permissions: ["orders"] });

    expect((await page("buyer", "/ban-hang/don-hang")).status).toBe(200);
    const statement = await page("buyer", "/ban-hang/so-du");
    expect(statement.status).toBe(403);
    expect(statement.html).toContain("Chủ cơ sở chưa cho bạn xem sổ tiền");
    const home = await page("buyer", "/ban-hang");
    expect(home.html).toContain('href="/ban-hang/don-hang"');
    expect(home.html).not.toContain('href="/ban-hang/so-du"');
    expect(home.html).not.toContain('href="/ban-hang/nhom"');
    expect((await page("buyer", "/ban-hang/nhom")).status).toBe(403);
  });

  it("the owner changes her permissions, then removes her after the confirm step", async () => {
    const changed = await post("producer", "/ban-hang/nhom", [
      ["intent", "permissions"],
      ["producerId", String(producerId)],
      ["userId", String(buyerId)],
      ["permissions", "orders"],
      ["permissions", "statement"],
    ]);
    expect(changed.location).toBe("/ban-hang/nhom?xong=quyen");
    expect(membership()).toMatchObject({ permissions: ["orders", "statement"] });

    const asked = await post("producer", "/ban-hang/nhom", [
      ["intent", "remove"],
      ["producerId", String(producerId)],
      ["userId", String(buyerId)],
    ]);
    expect(asked.status).toBe(303);
    expect(membership()).toBeDefined();
    const question = await page("producer", asked.location);
    expect(question.html).toContain("khỏi nhóm? Người này sẽ không mở được");
    const removed = await post("producer", "/ban-hang/nhom", [
      ["intent", "remove"],
      ["producerId", String(producerId)],
      ["userId", String(buyerId)],
      ["confirm", "yes"],
    ]);
    expect(removed.location).toBe("/ban-hang/nhom?xong=xoa");
    expect(membership()).toBeUndefined();
    expect((await page("buyer", "/ban-hang/don-hang")).status).toBe(403);
  });
});
