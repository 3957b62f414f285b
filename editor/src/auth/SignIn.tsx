import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { documentsApi } from '../api/documents-api.js';
import { useEditorStore } from '../store/editor-store.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';

/** Sign-in with an access token (the first start prints a link that fills it in). */
export function SignIn({ initialError }: { initialError?: string | null }) {
  const { t } = useTranslation();
  const setSession = useEditorStore((s) => s.setSession);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim();
    if (!value) return;
    setBusy(true);
    setError(null);
    try {
      const me = await documentsApi.me(value);
      setSession(value, me);
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? t('signIn.bad')
          : t('signIn.failed', { message: err instanceof Error ? err.message : '' }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sign-in">
      <form onSubmit={(e) => void submit(e)} aria-label={t('signIn.title')}>
        <h1>ReplyFlow</h1>
        <p>{t('signIn.intro')}</p>
        <label className="field">
          <span>{t('signIn.token')}</span>
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            data-testid="token-input"
          />
        </label>
        {error ? (
          <p className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || !token.trim()}>
          {t('signIn.submit')}
        </button>
        <p className="hint">{t('signIn.hint')}</p>
        <LanguageSwitch />
      </form>
    </div>
  );
}
