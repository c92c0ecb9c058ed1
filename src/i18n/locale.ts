export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Platform language tags ("zh-hans", "zh_TW", "en-GB") → the catalogue that serves them. */
export function localeFromTag(tag: string | undefined, fallback: Locale): Locale {
  if (!tag) return fallback;
  const lower = tag.toLowerCase();
  if (lower.startsWith("zh")) return "zh-CN";
  if (lower.startsWith("en")) return "en";
  return fallback;
}

/** The language a person names after /lang ("en", "zh-TW", "English", 中文), if it is one we speak; null otherwise ("fr"). */
export function localeNamed(text: string): Locale | null {
  const lower = text.trim().toLowerCase();
  if (/^(?:zh|cn\b|chinese|mandarin|中|汉|漢|简|繁|普通话)/.test(lower)) return "zh-CN";
  if (/^(?:en|英)/.test(lower)) return "en";
  return null;
}

export function otherLocale(locale: Locale): Locale {
  return locale === "zh-CN" ? "en" : "zh-CN";
}

/**
 * The language a question is written in, when it is clear: Chinese when it has more Han characters
 * than Latin words ("怎么认证 ID card" is Chinese), English when it has two Latin words or more and
 * no Han. Otherwise null: the chat's language stands.
 */
export function questionLocale(text: string): Locale | null {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latinWords = text.match(/[a-z]+/gi)?.length ?? 0;
  if (han > 0) return han > latinWords ? "zh-CN" : null;
  return latinWords >= 2 ? "en" : null;
}
