/**
 * Referral rewards are induced sharing too (微信公众平台运营规范: 邀请好友…获得奖励): 老带新, 推荐
 * 一位好友, 介绍朋友 beside a reward in one sentence; a recommendation to the user, or an invitation
 * without a reward, is not. Through the compiled default policy.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('referral rewards', () => {
  itFinds('INDUCED_SHARING', {
    found: ['老带新，推荐一位好友得100元', '介绍朋友来买，送您一盒', '推荐好友下单，双方各领20元券'],
    clean: ['推荐您试试这款，性价比高', '可以介绍朋友来咨询，我们都会耐心解答'],
  });
});
