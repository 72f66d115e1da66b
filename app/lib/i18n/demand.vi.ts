/** Strings of the demand area (purchase requests and their matches). */
export const demandVi = {
  "demand.match.sameCategory": "cùng danh mục {category}",
  "demand.match.relatedCategory": "cùng nhóm {category}",
  "demand.match.stockEnough": "còn {stock} {unit}, cần {quantity} {unit}",
  "demand.match.stockShort": "chỉ còn {stock} {unit}, cần {quantity} {unit}",
  "demand.match.outOfStock": "đang hết hàng, cần {quantity} {unit}",
  "demand.match.minimumOrder": "đơn tối thiểu {minimum} {unit}",
  "demand.match.otherUnit": "bán theo {unit}, yêu cầu tính theo {wanted}",
  "demand.match.sameCommune": "cùng xã",
  "demand.match.sameProvince": "cùng tỉnh {province}",
  "demand.match.ocop": "OCOP {stars} sao",
  "demand.match.certification": "có chứng nhận {certification}",
} as const;
