import type { ChangeLine } from './change-line.js';

/**
 * One named setting as a change line, or none when it kept its value.
 * @example settingChange('流程名称', '退款', '退款与退货') // [{ tone: 'change', text: '流程名称', before: '退款', after: '退款与退货' }]
 */
export function settingChange(setting: string, before: string, after: string): ChangeLine[] {
  return before === after ? [] : [{ tone: 'change', text: setting, before, after }];
}
