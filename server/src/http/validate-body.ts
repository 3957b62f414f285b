/** Validates a request body against a named rules-schema; problems become VALIDATION_FAILED details. */
import type { SchemaName } from '../../../rules-schema/index.js';
import { validate } from '../../../rules-schema/validator.js';
import { invalid } from '../errors.js';

export function validBody<T>(name: SchemaName, body: unknown): T {
  if (body === undefined)
    throw invalid('缺少请求体 (body required)', [{ path: '/', message: 'a JSON body is required' }]);
  const result = validate<T>(name, body);
  if (!result.ok) throw invalid('请求内容不符合格式要求 (validation failed)', result.problems);
  return result.value;
}

export function accountOf(query: Record<string, unknown>): string {
  const account = query['account'];
  if (account === undefined) return 'default';
  if (typeof account !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(account)) {
    throw invalid('account 参数不合法', [{ path: '/account', message: 'must match ^[A-Za-z0-9_-]{1,64}$' }]);
  }
  return account;
}
