/**
 * Illegal services and trades the banned lexicons had no category for: game cheats, hacking for
 * hire, private detectives, usury, protected-wildlife products, circumvention tools, surrogacy and
 * organ sales. Specific trade names only, so ordinary words stay clean (外挂式空调, 防范黑客攻击).
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('illegal services as BANNED_TERM', () => {
  itFinds('BANNED_TERM', {
    found: [
      '和平精英透视自瞄，卡密私聊',
      '专业黑客接单，微信密码也能破解',
      '私家侦探，婚外情调查，全国可接',
      '急用钱找我们，高利贷当天放款',
      '正宗象牙手镯，收藏级',
      '翻墙梯子包月，速度快',
      '代孕妈妈包成功，费用私聊',
    ],
    clean: [
      '外挂式空调安装需要预约师傅上门',
      '请防范黑客攻击，定期修改密码',
      '本店不接私家侦探一类的业务',
      '警惕高利贷和套路贷，借款请走正规渠道',
      '这款手镯是仿象牙色的树脂材质',
    ],
  });
});

describe('fraud recruitment and illegal finance as BANNED_TERM', () => {
  itFinds('BANNED_TERM', {
    found: [
      '网络兼职打字员，先交会费',
      '帮商家补单，本金秒返',
      '代还信用卡，提额包过',
      '高额回报理财，稳赚不赔',
      '投资虚拟币，保本保息月入十万',
    ],
    clean: [
      '理财有风险，投资需谨慎，不存在稳赚不赔',
      '警惕“保本保息”的非法集资',
      '我们的打字员会帮您录入订单信息',
      '月息多少请咨询银行',
    ],
  });
});
