/**
 * Start-up failures a person fixes at the terminal (a bad setting, a DATA_DIR held by another
 * server, a busy port) are one line on stderr and exit code 1; a stack trace there only hides
 * the sentence that says what to do. Anything else is a bug and keeps its stack.
 */
import { StoreConfigError, StoreUnavailableError } from './store/store-errors.js';

/** A setting that cannot work, found before anything was opened. */
export class StartupError extends Error {
  readonly code = 'STARTUP';
}

/**
 * The one line for a failure a person can fix, or undefined for a bug.
 *
 * @example
 * startupErrorLine(new StartupError('PORT 必须是 0–65535 / PORT must be 0–65535'))
 * // → 'ReplyFlow 无法启动 (cannot start): PORT 必须是 0–65535 / PORT must be 0–65535'
 */
export function startupErrorLine(e: unknown): string | undefined {
  const reason = fixableReason(e);
  return reason === undefined ? undefined : `ReplyFlow 无法启动 (cannot start): ${reason.replace(/\s*\n\s*/g, ' ')}`;
}

function fixableReason(e: unknown): string | undefined {
  if (e instanceof StartupError || e instanceof StoreConfigError || e instanceof StoreUnavailableError)
    return e.message;
  if (!(e instanceof Error && 'syscall' in e && 'code' in e)) return undefined;
  const { syscall, code } = e;
  const where = `${'address' in e ? String(e.address) : ''}:${'port' in e ? String(e.port) : ''}`;
  if (syscall === 'listen' && code === 'EADDRINUSE') {
    return `${where} 已被占用，请停止占用它的程序或设置另一个 PORT / ${where} is already in use: stop what holds it or set another PORT`;
  }
  if (syscall === 'listen' && code === 'EACCES') {
    return `无权监听 ${where}（1024 以下的端口需要特权），请设置另一个 PORT / no permission to listen on ${where} (ports below 1024 are privileged): set another PORT`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `HOST 不是本机的地址（${e.message}）/ HOST is not an address of this machine (${e.message})`;
  }
  return undefined;
}
