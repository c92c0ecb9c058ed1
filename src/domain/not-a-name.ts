import { toSimplifiedChinese } from "./text.js";

/**
 * Words that do not occur in names but do in what people type instead of one: a sentence ("I don't
 * know what to write", "不知道写什么"), a filler ("ok", "测试", "哈哈"), a button's word ("start",
 * "menu") or a keyboard mash ("asdf", "aaaa"). Kept to words no name uses: "My" (Mỹ), "You" (尤),
 * "How" (侯), "The" (郑), "No" (노) and "Do" (Đỗ) are surnames or given names, so they are not here;
 * single Han characters common in names (有, 好, 知, 道, 哈) count only inside longer words.
 */
const ENGLISH_WORDS = new Set(
  (
    "i i'm im me mine you're is are am was were be been don't dont doesn't didn't can't cannot won't know knows what what's whats why " +
    "where who whom which write writing written type typing here there need needs needed should would could please pls plz idk " +
    "dunno not sure want wanna gonna this that these those it it's its your yours yourself myself name names fullname username " +
    "test testing tested hello hey hiya thanks thank thx yes yeah yep yup nope ok okay okey sorry start menu help " +
    "back cancel skip next continue stop quit exit none null undefined nothing something anything unknown anonymous anon user admin " +
    "lol haha hehe hmm hmmm um umm uh uhh erm whatever bye goodbye sir madam mr mrs ms miss question answer because if then " +
    "why'd about with without for from into onto does did doing done have has had having shall must let lets told give " +
    "ask asked asking required require form step private secret later actual moment wait brb forgot same before see check card id as"
  ).split(" "),
);

/** Chinese words that make a sentence or a filler, never a name. */
const CHINESE_WORDS = [
  "不知道",
  "知道",
  "不清楚",
  "不懂",
  "不会",
  "不想",
  "不要",
  "不用",
  "不填",
  "不写",
  "不告诉",
  "不行",
  "没有",
  "没事",
  "算了",
  "随便",
  "测试",
  "试试",
  "名字",
  "姓名",
  "真名",
  "全名",
  "填写",
  "填什么",
  "写什么",
  "怎么",
  "怎样",
  "什么",
  "为什么",
  "为啥",
  "干嘛",
  "哪个",
  "哪里",
  "这个",
  "那个",
  "这里",
  "一下",
  "可以",
  "好的",
  "好吧",
  "谢谢",
  "你好",
  "您好",
  "哈哈",
  "嘿嘿",
  "呵呵",
  "嗯嗯",
  "保密",
  "匿名",
  "用户",
  "管理员",
  "客服",
  "先生",
  "女士",
  "小姐",
  "本人",
  "自己",
  "身份证",
  "开始",
  "菜单",
  "帮助",
  "返回",
  "取消",
  "跳过",
  "下一步",
  "继续",
  "请问",
  "应该",
  "需要",
  "必须",
  "告诉",
  "啥",
  "多久",
  "审核",
  "一样",
  "稍等",
  "等等",
  "再说",
  "以后",
  "一会",
  "证件",
];
/** Whole answers that are fillers, though the word may be a surname inside a full name ("No Min-woo"). */
const FILLERS = new Set(["no", "na", "n a", "nah", "ok", "k", "kk", "y", "n"]);
/** Particles and pronouns: no name is written with them. */
const CHINESE_CHARACTERS = /[的了吗呢吧啊呀嘛哦嗯呃哎唉喂我你您们]/u;

/** A word made of one letter three times over ("aaa"), or a run along the keyboard ("asdf", "qwer"). */
const MASH = /(\p{L})\1\1|asdf|sdfg|dfgh|fghj|ghjk|hjkl|qwer|wert|erty|rtyu|tyui|zxcv|xcvb/iu;

export function readsAsSentence(text: string): boolean {
  const lower = toSimplifiedChinese(text.toLowerCase());
  if (CHINESE_CHARACTERS.test(lower) || CHINESE_WORDS.some((word) => lower.includes(word))) return true;
  const words = lower.split(/[\s.]+/u).filter(Boolean);
  if (FILLERS.has(words.join(" "))) return true;
  return words.some((word) => ENGLISH_WORDS.has(word.replace(/’/g, "'")) || MASH.test(word));
}

/** Words no registered name holds, even one that ends like a company ("I don't have a company"). */
const STATEMENT_WORDS = new Set("i i'm im don't dont doesn't didn't haven't know idk dunno what why should".split(" "));

export function readsAsStatement(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[\s.,]+/u)
    .some((word) => STATEMENT_WORDS.has(word.replace(/’/g, "'")));
}
