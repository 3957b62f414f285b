/**
 * Rounds 68-74 (issue 14): banned offers in the trades whose shops also sell lawfully, in the
 * terms of sensitive-word dictionaries, in short slang deals and in the wording of health, drug,
 * police and customs enforcement records. Names and constructions the lexicons lacked: pyramid
 * schemes and illegal fund-raising (原始股, 保本返息, 带下线), credit "repair" (征信修复), covert
 * devices told as hidden (藏在…摄像头, 录音笔做成U盘), paid reviews (差评改成好评), food, health food
 * and cosmetics spiked with drugs or mercury (兑了点西药, 含汞), unlicensed clinics and beauty
 * procedures (没挂牌, 没医疗许可, 店中店), and invoice slang (水单都能补, 抵扣联单卖). Each with the
 * lawful near misses that must stay clean.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('BANNED_TERM: rounds 68-74 offers in trades that also sell lawfully', () => {
  itFinds('BANNED_TERM', {
    found: [
      '公司明年在港股上市，现在内部原始股1块一股，上市至少翻十倍。',
      '健康讲座后有养生合作社入股，每股一万，每月保本返息。',
      '交2980入会，后面全靠带下线赚，上个月有人拿了四万。',
      '征信修复，逾期记录可以洗白，交钱后三十天内删除',
      '想看看保姆在卧室干啥的话，我们有藏在闹钟里的小摄像头。',
      '录音笔做成U盘样子，插电脑照常能用，续航30小时，280元。',
      '把之前的差评改成好评，我这边转您30元红包。',
      '降压茶里兑了点西药，喝三天就稳住了。',
      '含汞那款老配方祛斑霜一套268，普通快递发。',
      '美甲店楼上就能做冰点脱毛和点痣，我们是店中店，没办医疗许可也照样做。',
      '机票行程单、酒店水单都能补，出差想怎么报就怎么报',
      '抵扣联单卖也行，都在认证期内',
      '阿奇霉素一盒25，没处方照样卖你。',
      '您买的手串换好了。店里还有一块鹤顶红挂件，内部价，看看吗？',
    ],
    clean: [
      '我们公司的原始股东都是创始团队成员',
      '本品不含西药成分，请放心',
      '含汞体温计已经停产了，现在都用电子的',
      '摄像头装在门口，小偷发现不了死角',
      '电子发票丢了都能补开的，联系客服就行',
      '斗地主和炸金花是我们游戏里的欢乐豆玩法，豆子不能提现也不能转让。',
      '曲马多属于处方药，您上传的医生处方已经审核通过，药师今天会安排发货。',
      '老虎机造型的存钱罐是摆件，投硬币只会亮灯唱歌。',
      '手机壳上的手枪图案是印刷的贴纸款，介意可以换纯色款。',
      '全套婚纱照包括内景外景两组，精修二十张。',
      '征信修复都是骗局，不良记录不能花钱删除，请到人民银行征信中心查询。',
    ],
  });
});
