/**
 * Rounds 10–12 of compliance recall (dev-round10/11/12, written by helpers who read neither the
 * checker nor any split): banned offers in the trade's own wording (a name and an offer in one
 * sentence, disguised shipping, fake statements and stamps), efficacy claims told as outcomes
 * (结节化掉了, 不用透析了, 身高增长30%), and service talk answering about a coupon the user holds.
 * Each construction with the ordinary sentences it must leave alone. Through the default policy.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('banned offers in the trade’s own wording', () => {
  itFinds('BANNED_TERM', {
    found: [
      '没有业务也能开专票，票面金额随你填',
      '住宿票可以开到任意城市，报销凑数用',
      '派出所的章、医院的章都能刻，盖上去跟真的一样',
      '房产证、营业执照仿制，纸张水印都按原版做',
      '氯酸钾有货，外包装写化肥',
      '微信号出租，实名老号按天算',
      '一手茶，工农建的流水都能出',
      'GPS定位器强磁吸车底，老公去哪一清二楚',
      '隔着墙壁也能听清隔壁说话',
      '数字币新项目，静态收益每天千分之八',
      '养老公寓认购，十万起投年返12%',
      '百元的货九块一张，适合去集市以整找零',
      '女生借款可以打裸条',
      '足球盘口今晚开，让球大小球都能下注',
      '正山小种特供款，不是普通茶叶，喝完兴奋一整晚',
    ],
    clean: [
      '请到派出所办理身份证补办，带上户口本',
      '书籍快递按印刷品寄会便宜一些',
      '春节前可以到网点兑换小面值新钞，去菜场买菜找零方便',
      '奶茶粉批发请私聊拿货价',
      '专家号源充足，明天上午还能挂到',
      '我们可以帮您代投广告，按点击计费',
      '发票和清单会随货配齐寄出',
      '成绩单和毕业证可以一起做学历认证',
      '麻将机能下单吗？可以的，页面有现货',
      '收不到验证码的话，请检查手机是否开启了短信拦截',
      '我们照相馆可以拍证件照，符合办证规格',
      '礼花弹属于专业燃放类产品，个人不能购买，本店也不销售',
      '網絡賭博沒有贏家，警方提醒切勿下載來路不明的博彩軟件',
      '有人让您“帮忙收个款”并给佣金，很可能是跑分洗钱，请直接拒绝',
      '冠心病发作时请舌下含服硝酸甘油片并及时就医',
      '如果是质量问题，退货运费由我们承担，您先垫付，上传凭证后补给您',
    ],
  });
});

describe('efficacy claims told as outcomes', () => {
  itFinds('MEDICAL_CLAIM', {
    found: [
      '我们甲状腺门诊用中药外敷，三个月下来结节慢慢就化掉了',
      '李先生的肌酐原来二百多，喝了半年口服液，现在已经不用透析了',
      '连续喝60天，身高增长30%',
      '宝宝每天冲一袋，坚持两个月，个子能比同龄孩子多窜三四厘米',
      '痔疮出血的客户坐这款坐垫，一个月痔核就缩回去了',
      '它不是药品，可对血糖的作用比药还明显',
      '针对黄褐斑的精华，坚持用一个月斑就淡下去了',
      // An outcome up to 30 characters after its condition, in the same sentence.
      '我们的护膝，腰椎间盘突出的老人家每天晚上戴着睡，大概坚持两三个月左右就不疼了',
    ],
    clean: [
      '本品为普通化妆品，用途是清洁和滋润，不具有祛斑、治疗痘痘的功效',
      '宝宝发烧可以先贴退热贴，超过38.5度请及时就医',
      '如果用药后出现皮疹或瘙痒，可能是过敏，请先停药并及时就医',
      '体检报告里的幽门螺杆菌阳性需要医生判断是否做根除治疗',
      '网传“喝醋能软化血管”没有科学依据，心血管疾病请坚持规范治疗',
      '颈椎枕到货就通知您',
      '关节护具不用时可以收起来放在干燥处',
      '腰椎间盘突出的话，建议先去医院拍片，医生看过以后再决定要不要做理疗，平时注意别久坐，睡硬板床会好一些',
    ],
  });
});

describe('answering about a coupon the user holds, or a menu path', () => {
  itFinds('PROMOTION', {
    found: [
      '您问的那款羽绒服现在券后价399元，库存不多了，喜欢的话可以先下单',
      '充值500送80，余额门店通用，现在充最合算',
    ],
    clean: [
      '您问的这张代金券满100元可用，周末节假日通用，不能和团购同时使用',
      '今天的特价菜都在菜单栏“今日特惠”里，您想了解哪一道，我可以帮您介绍',
      '年夜饭套餐需要交200元定金，除夕前3天取消可以全额退',
    ],
  });
  itFinds('INDUCED_SHARING', {
    found: ['分享到朋友圈，满50个赞送一套绘画工具'],
    clean: ['满50个赞的作品会展示在公众号上'],
  });
});
