import type { BuyerKind, StaffRole } from "~db/schema";

/**
 * The demo accounts, one per role, created only when APP_MODE=demo. `npm start` prints them
 * and the end-to-end tests log in with them. The passwords are public by design (this is a
 * demo) and are not in any common-password list, so the sign-up password policy accepts them.
 */
export interface DemoAccount {
  /** A stable key for tests: `DEMO_ACCOUNTS.find((a) => a.key === "admin")`. */
  key: "admin" | "province-staff" | "commune-staff" | "producer" | "producer-2" | "buyer";
  roleVi: string;
  roleEn: string;
  displayName: string;
  /** As typed on the log-in form (0…); stored as +84…. */
  phone: string;
  email: string;
  password: string;
  staff?: { orgUnitCode: string; roles: readonly StaffRole[] };
  producer?: { producerCode: string; role: "owner" | "member" };
  buyer?: { kind: BuyerKind; companyName: string | null; province: string; city: string };
}

export const DEMO_ACCOUNTS = [
  {
    key: "admin",
    roleVi: "Quản trị viên (Hội LHPN tỉnh)",
    roleEn: "Administrator (provincial Union)",
    displayName: "Nguyễn Thị Quản Trị",
    phone: "0900000001",
    email: "admin@cungcau.demo",
    password: "QuangTri@Admin2026",
    staff: { orgUnitCode: "QT", roles: ["admin"] },
  },
  {
    key: "province-staff",
    roleVi: "Cán bộ Hội tỉnh (kiểm duyệt, báo cáo)",
    roleEn: "Provincial Union staff (moderator, reporter)",
    displayName: "Trần Thị Hội Tỉnh",
    phone: "0900000002",
    email: "tinh@cungcau.demo",
    password: "HoiTinh#KiemDuyet2026",
    staff: { orgUnitCode: "QT", roles: ["moderator", "reporter"] },
  },
  {
    key: "commune-staff",
    roleVi: "Cán bộ Hội xã Vĩnh Linh (kiểm duyệt, báo cáo)",
    roleEn: "Vĩnh Linh commune Union staff (moderator, reporter)",
    displayName: "Lê Thị Hội Xã",
    phone: "0900000003",
    email: "xa.vinhlinh@cungcau.demo",
    password: "VinhLinh#HoiXa2026",
    staff: { orgUnitCode: "QT-VINHLINH", roles: ["moderator", "reporter"] },
  },
  {
    key: "producer",
    roleVi: "Nhà sản xuất (chủ nhiệm HTX Hồ tiêu Vĩnh Linh, SX001)",
    roleEn: "Producer (head of the Vĩnh Linh pepper cooperative, SX001)",
    displayName: "Hoàng Thị Hồ Tiêu",
    phone: "0900000004",
    email: "sx001@cungcau.demo",
    password: "HoTieu!VinhLinh2026",
    producer: { producerCode: "SX001", role: "owner" },
  },
  {
    // A second producer selling pepper, so a purchase request can get two offers to compare.
    key: "producer-2",
    roleVi: "Nhà sản xuất (HTX Nông nghiệp Xuân Minh, SX004)",
    roleEn: "Producer (Xuân Minh farming cooperative, SX004)",
    displayName: "Võ Thị Xuân Minh",
    phone: "0900000006",
    email: "sx004@cungcau.demo",
    password: "XuanMinh!BenQuan2026",
    producer: { producerCode: "SX004", role: "owner" },
  },
  {
    key: "buyer",
    roleVi: "Người mua doanh nghiệp (nhà hàng)",
    roleEn: "Business buyer (restaurant)",
    displayName: "Phạm Văn Người Mua",
    phone: "0900000005",
    email: "nguoimua@cungcau.demo",
    password: "NhaHang$DongHa2026",
    buyer: {
      kind: "restaurant",
      companyName: "Nhà hàng Sông Hiếu (demo)",
      province: "Quảng Trị",
      city: "Đông Hà",
    },
  },
] as const satisfies readonly DemoAccount[];

/**
 * In demo mode the 25 buyers of db/seed/buyers.csv (phones 0900000201…0900000225) share this
 * password so anyone can try a buyer with orders and purchase requests. Outside demo mode
 * they get an unusable random password.
 */
export const DEMO_CSV_BUYER_PASSWORD = "MuaHang@QuangTri2026";

/** Finds a demo account by key; throws when the key is unknown (a typo in a test). */
export function demoAccount(key: DemoAccount["key"]): DemoAccount {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.key === key);
  if (!account) throw new Error(`unknown demo account ${key}`);
  return account;
}
