/**
 * Bearer-token authentication and role checks (CONTRACT §2). Tokens are looked up by hash;
 * ADMIN_TOKEN from the environment is compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Role } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { AppError } from '../errors.js';

export interface Principal {
  name: string;
  role: Role;
}

export function authenticate(store: Store, adminToken: string | undefined): RequestHandler {
  const adminDigest = adminToken ? digest(adminToken) : null;
  return async (req, res, next) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return next(new AppError('UNAUTHORIZED', '需要登录令牌 (missing bearer token)'));
    const token = match[1];
    if (adminDigest && timingSafeEqual(digest(token), adminDigest)) {
      res.locals['principal'] = { name: 'admin', role: 'admin' } satisfies Principal;
      return next();
    }
    const found = await store.tokens.findByToken(token);
    if (!found) return next(new AppError('UNAUTHORIZED', '登录令牌无效或已被撤销 (invalid or revoked token)'));
    res.locals['principal'] = { name: found.name, role: found.role as Role } satisfies Principal;
    next();
  };
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function principalOf(res: Response): Principal {
  return res.locals['principal'] as Principal;
}

/** Admin may do everything; other roles only what the route lists. */
export function allow(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const { role } = principalOf(res);
    if (role === 'admin' || roles.includes(role)) return next();
    next(new AppError('FORBIDDEN', `当前角色 ${role} 无权执行此操作 (forbidden for role ${role})`));
  };
}

/** Who may read documents, versions, schemas and windows. */
export const READERS: Role[] = ['editor', 'viewer'];
