/**
 * Two servers on one DATA_DIR, and a deterministic interleaving between them: instance A's
 * write waits for a change by instance B injected right before it, never for a timer.
 */
import supertest from 'supertest';
import { createApp } from '../../server/src/http/create-app.js';
import { createLogger } from '../../server/src/logger.js';
import type { Store } from '../../server/src/store/open-store.js';
import { ADMIN, T0 } from './test-app.js';

/** An app instance with its own caches over a shared store. */
export function appInstance(store: Store) {
  const http = supertest(createApp({ store, log: createLogger('silent'), adminToken: ADMIN, clock: () => T0 }));
  const auth = (r: supertest.Test) => r.set('Authorization', `Bearer ${ADMIN}`);
  return {
    post: (url: string, body: object) => auth(http.post(url)).send(body),
    put: (url: string, body: object) => auth(http.put(url)).send(body),
    get: (url: string) => auth(http.get(url)),
    delete: (url: string) => auth(http.delete(url)),
  };
}

export type AppInstance = ReturnType<typeof appInstance>;

/** What runs once at the next wrapped call (then it is cleared); nothing while unset. */
export interface Interleave {
  next?: () => Promise<void>;
}

/**
 * `target` whose `methods` first run `interleave.next`, once: B's change lands after A's checks
 * and before A's write.
 * @example appInstance({ ...store, versions: runningFirst(store.versions, ['publishAll'], interleave) })
 */
export function runningFirst<T extends object>(target: T, methods: ReadonlyArray<keyof T>, interleave: Interleave): T {
  return new Proxy(target, {
    get(real, prop) {
      const value: unknown = Reflect.get(real, prop, real);
      if (typeof value !== 'function') return value;
      if (!methods.includes(prop as keyof T)) return value.bind(real);
      return async (...args: unknown[]) => {
        const hook = interleave.next;
        interleave.next = undefined;
        if (hook) await hook();
        return value.apply(real, args);
      };
    },
  });
}
