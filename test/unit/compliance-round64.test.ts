/**
 * Round 64 (issue 14): banned offers hidden in the talk of the six trades a service account serves.
 * Trade names and cues the lexicons lacked: injectables sold without approval or for
 * self-injection (溶脂针…没批号, 肉毒素…自己打), 地西泮 without prescription, wildlife dishes (白鹇,
 * 黄唇鱼, 果子狸…山里现打), fetal sex told by a scan (看性别的B超), egg donors recruited (捐卵), fake
 * score reports (能出一份…成绩单), gutter oil (回收油), and food smuggled or not inspected
 * (冻品…没走海关, 猪肉…没检疫). Each with the lawful near misses that must stay clean.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('BANNED_TERM: round 64 offers inside lawful trades', () => {
  itFinds('BANNED_TERM', {
    found: [
      '溶脂针一盒十支680，国外版本没有批号，不退不换。',
      '肉毒素100单位一瓶1100，冷链发货，没有中文标签，自己打记得避开血管。',
      '安定片（地西泮）100片一瓶150，没处方也行',
      '野生斑鸠、竹鸡、白鹇都有，白鹇一只1500，都是山里现打的',
      '看性别的B超一次600块，在我们合作的诊所做，医生会直接告诉你男女。',
      '早教课试听安排在周日。我们也在招捐卵的女生，一次营养费两到三万',
      '雅思分数不够也别急，我们能出一份7分的成绩单，官网可查',
      '回收油一桶25斤130，过滤过的，炒菜吃不出来，送货上门。',
      '冻品都是水路过来的，巴西牛腱一件20公斤560，没有报关单也没检疫证',
      '没检疫的猪肉一斤12，比菜市场便宜一半',
    ],
    clean: [
      '玻尿酸注射请到正规医疗机构，不要自己打',
      '医院开的地西泮请按医嘱服用，没处方我们不能卖',
      '进口牛肉都有报关单和检疫证明，放心吃',
      '这批冻品已经过检验检疫，随货附证明',
      '回收油的事是谣言，我们用的都是新油',
      '水光针需要到有资质的医院打，我们店不做',
      '成绩单可以在官网查询，我们帮您打印一份',
      '我国禁止任何形式的商业捐卵',
    ],
  });
});

/**
 * Round 66 (issue 14): promotions buried among lawful talk of prices and bills. A sale that ends
 * soon or a renewal urged (…就恢复原价, 趁这次一起续上, 划算多了, 我把报价发您看看) is offered whatever
 * balance the reply also tells (还剩5节); a coupon given as compensation for a fault (补偿您20元无门槛
 * 红包) is after-sales.
 */
describe('PROMOTION: round 66 calls and compensation', () => {
  itFinds('PROMOTION', {
    found: [
      '会员日提醒：私教课续费8折只限当天，您还剩5节，可以趁这次一起续上。',
      '孩子的课时还剩3节了，续48节送6节，过了周五就恢复原价。',
      '续保现在提前办可以享受8.5折，还送一次免费洗车，我把报价发您看看？',
      '其实直接升级季卡只要补差价699，还送两节私教课，比再买一张次卡划算多了。',
    ],
    clean: [
      '这次是我们发错了颜色，来回运费我们承担，另外补偿您20元无门槛红包，已经发到您账户了。',
      '满减活动结束了，现在已经恢复原价了',
      '您的次卡还剩4次，月底到期，到期后剩余次数不退',
    ],
  });
});
