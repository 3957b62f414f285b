import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const UNITS = [
  { key: 'd', minutes: 1440 },
  { key: 'h', minutes: 60 },
  { key: 'm', minutes: 1 },
] as const;
type UnitKey = (typeof UNITS)[number]['key'];

/**
 * A policy duration kept in minutes but shown in its largest whole unit: 2880 reads "48 小时",
 * 90 reads "90 分钟". The unit can be changed; a value that no longer divides evenly falls back
 * to the largest unit that does, so the number shown is always exact.
 */
export function MinutesField({
  label,
  minutes,
  onChange,
  min = 0,
}: {
  label: string;
  minutes: number;
  onChange: (minutes: number) => void;
  min?: number;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<UnitKey>(() => largestWholeUnit(minutes));
  const unit = UNITS.find((u) => u.key === chosen && minutes % u.minutes === 0) ?? unitOf(largestWholeUnit(minutes));
  return (
    <label className="field minutes-field">
      <span>{label}</span>
      <span className="row">
        <input
          type="number"
          value={minutes / unit.minutes}
          min={Math.ceil(min / unit.minutes)}
          aria-label={label}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(v)) onChange(Math.round(v * unit.minutes));
          }}
        />
        <select
          aria-label={`${label} ${t('policy.unit.label')}`}
          value={unit.key}
          onChange={(e) => setChosen(unitOf(e.target.value).key)}
        >
          {UNITS.map((u) => (
            <option key={u.key} value={u.key} disabled={minutes % u.minutes !== 0}>
              {t(`policy.unit.${u.key}`)}
            </option>
          ))}
        </select>
      </span>
    </label>
  );
}

/**
 * The largest unit that divides `minutes` evenly. Days only past two of them: the platform's
 * window is known as "48 小时", as the sandbox's spans read it.
 * @example largestWholeUnit(2880) // 'h'; largestWholeUnit(4320) // 'd'; largestWholeUnit(90) // 'm'
 */
export function largestWholeUnit(minutes: number): UnitKey {
  const fits = (u: (typeof UNITS)[number]) =>
    minutes > 0 && minutes % u.minutes === 0 && (u.key !== 'd' || minutes > 2880);
  return (UNITS.find(fits) ?? UNITS[2]).key;
}

function unitOf(key: string) {
  return UNITS.find((u) => u.key === key) ?? UNITS[2];
}
