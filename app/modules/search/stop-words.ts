import { foldWord } from "./words";

/**
 * Words dropped in `any` match mode, where a whole sentence of a purchase request is
 * matched against listings ("Cần mua 50 kg cà phê mỗi tháng cho quán"). A word typed
 * with marks is compared with its marks ("cán" is kept, "cần" is dropped); one typed
 * without marks is compared folded ("can" is dropped).
 */
export const STOP_WORDS = [
  "cần",
  "mua",
  "tìm",
  "kg",
  "mỗi",
  "tháng",
  "tuần",
  "ngày",
  "năm",
  "cho",
  "của",
  "và",
  "với",
  "các",
  "những",
  "có",
  "là",
  "để",
  "được",
  "số",
  "lượng",
  "khoảng",
  "giao",
  "tại",
  "ở",
  "đến",
  "từ",
  "theo",
  "muốn",
  "cung",
  "cấp",
  "gấp",
  "tôi",
  "chúng",
  "em",
  "anh",
  "chị",
  "ạ",
  "nhé",
  "kèm",
  "khi",
  "lần",
  "đặt",
  "hoặc",
  "trên",
  "dưới",
  "hơn",
  "ít",
  "nhất",
  "tấn",
  "tạ",
  "lít",
  "nhận",
  "loại",
  "hàng",
  "bên",
  "liên",
  "hệ",
] as const;

const marked = new Set<string>(STOP_WORDS);
const folded = new Set<string>(STOP_WORDS.map(foldWord));

/** Whether a query word is a stop word (numbers are stop words too in `any` mode). */
export function isStopWord(word: { marked: string; folded: string }): boolean {
  if (/^\d+$/.test(word.folded)) return true;
  return word.marked === word.folded ? folded.has(word.folded) : marked.has(word.marked);
}
