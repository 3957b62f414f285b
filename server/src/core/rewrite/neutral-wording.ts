/**
 * Neutral wording for Advertising Law absolute terms (ABSOLUTE_TERM): a small curated table,
 * keyed by the normalized term, so `最佳`, `最佳` and `最佳` all find `优质`. An empty
 * replacement means the word carries no information and is simply dropped (国家级, 唯一).
 */
import { normalizeTerm } from '../text/normalize-text.js';

const TABLE: ReadonlyArray<readonly [string, string]> = [
  ['最佳', '优质'],
  ['最好', '很好'],
  ['最优', '优质'],
  ['最强', '很强'],
  ['最高级', '高品质'],
  ['最高档', '高品质'],
  ['最高端', '高品质'],
  ['顶级', '高品质'],
  ['极品', '精选'],
  ['顶尖', '优秀'],
  ['至尊', '精选'],
  ['王牌', '主打'],
  ['终极', ''],
  ['巅峰', ''],
  ['顶峰', ''],
  ['无敌', ''],
  ['国家级', ''],
  ['世界级', ''],
  ['唯一', ''],
  ['第一品牌', '知名品牌'],
  ['第一', '领先'],
  ['销量第一', '销量领先'],
  ['销量冠军', '畅销'],
  ['首选', '推荐'],
  ['首屈一指', '出色'],
  ['万能', '多用途'],
  ['绝无仅有', '少见'],
  ['独一无二', '有特色'],
  ['史无前例', ''],
  ['空前绝后', ''],
  ['无与伦比', '出色'],
  ['全国首家', ''],
  ['世界领先', '先进'],
  ['全球领先', '先进'],
  ['全国领先', '先进'],
  ['行业领先', '先进'],
  ['全网最低', '实惠'],
  ['史上最低', '实惠'],
  ['最低价', '实惠价'],
  ['最便宜', '实惠'],
  ['最先进', '先进'],
  ['最新技术', '新技术'],
  ['最新科学', '新科学'],
  ['最高技术', '先进技术'],
  ['最高科学', '先进科学'],
  ['最受欢迎', '受欢迎'],
  ['最流行', '流行'],
  ['最具', '很具'],
  ['填补国内空白', ''],
  ['100%有效', '效果因人而异'],
  ['百分百有效', '效果因人而异'],
  ['百分之百有效', '效果因人而异'],
];

const BY_TERM: ReadonlyMap<string, string> = new Map(TABLE.map(([term, neutral]) => [normalizeTerm(term), neutral]));

/**
 * The neutral wording for an absolute term as written, or `null` when the table has none.
 * Terms outside the table that open with 最 (最新鲜, 最实用) lose the superlative: 很新鲜.
 * @example neutralWording('第一品牌') // '知名品牌'
 * @example neutralWording('最新鲜') // '很新鲜'
 */
export function neutralWording(term: string): string | null {
  const key = normalizeTerm(term);
  const known = BY_TERM.get(key);
  if (known !== undefined) return known;
  if (key.length > 1 && key.startsWith('最')) return `很${key.slice(1)}`;
  return null;
}
