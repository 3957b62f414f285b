import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserProfile } from '../../../rules-schema/index.js';
import { useEditorStore } from '../store/editor-store.js';
import { useAccountTimeZone } from '../time/use-account-time-zone.js';
import { fromZoneLocal, toZoneLocal } from '../time/zone-time.js';

/** The test users (nickname, tags), which one is talking, and when the session starts (on the account zone's clock). */
export function UserBar() {
  const { t } = useTranslation();
  const users = useEditorStore((s) => s.session.users);
  const start = useEditorStore((s) => s.session.start);
  const activeUser = useEditorStore((s) => s.activeUser);
  const timeZone = useAccountTimeZone();
  const { putUser, addUser, setActiveUser, setStart } = useEditorStore.getState();
  return (
    <fieldset className="user-bar" data-testid="user-bar">
      <legend>{t('sandbox.users.title')}</legend>
      {Object.entries(users).map(([id, user]) => (
        <UserRow
          key={id}
          id={id}
          user={user}
          active={id === activeUser}
          onPick={() => setActiveUser(id)}
          onChange={(u) => putUser(id, u)}
        />
      ))}
      <div className="row">
        <button type="button" className="small" onClick={addUser}>
          {t('sandbox.users.add')}
        </button>
        <span className="spacer" />
        <label className="inline-field">
          {t('sandbox.start')}
          <input
            type="datetime-local"
            value={toZoneLocal(start, timeZone)}
            onChange={(e) => {
              const instant = fromZoneLocal(e.target.value, timeZone);
              if (instant) setStart(instant);
            }}
            aria-label={t('sandbox.start')}
          />
        </label>
      </div>
    </fieldset>
  );
}

function UserRow({
  id,
  user,
  active,
  onPick,
  onChange,
}: {
  id: string;
  user: UserProfile;
  active: boolean;
  onPick: () => void;
  onChange: (u: UserProfile) => void;
}) {
  const { t } = useTranslation();
  const [tags, setTags] = useState((user.tags ?? []).join(', '));
  useEffect(() => setTags((user.tags ?? []).join(', ')), [user.tags]);
  return (
    <div className={`row user-row${active ? ' active' : ''}`}>
      <label className="check">
        <input
          type="radio"
          name="sandbox-user"
          checked={active}
          onChange={onPick}
          aria-label={t('sandbox.users.speak', { id })}
        />
        {id}
      </label>
      <input
        className="nickname"
        value={user.nickname ?? ''}
        maxLength={64}
        placeholder={t('sandbox.users.nicknamePlaceholder')}
        onChange={(e) => onChange({ ...user, nickname: e.target.value })}
        aria-label={t('sandbox.users.nickname', { id })}
      />
      <input
        className="tags"
        value={tags}
        placeholder={t('sandbox.users.tagsPlaceholder')}
        onChange={(e) => setTags(e.target.value)}
        onBlur={() => onChange({ ...user, tags: [...new Set(tags.split(/[\s,，、]+/).filter(Boolean))] })}
        aria-label={t('sandbox.users.tags', { id })}
      />
    </div>
  );
}
