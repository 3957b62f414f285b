import { useTranslation } from 'react-i18next';
import { COMBO_LIMITS, COMBO_WINDOWS, type KeywordCombo } from '../../../rules-schema/index.js';
import { ChipsInput } from './ChipsInput.js';

type ComboWindow = (typeof COMBO_WINDOWS)[number];

export interface ComboEditorProps {
  combos: readonly KeywordCombo[];
  onChange: (combos: KeywordCombo[]) => void;
}

/**
 * 「同一句里同时出现」: each combo is a row of slots, each slot a list of chips of which any one
 * will do; every slot must appear, in any order, in one clause (or anywhere in the message).
 */
export function ComboEditor({ combos, onChange }: ComboEditorProps) {
  const { t } = useTranslation();
  const replace = (index: number, combo: KeywordCombo | null) =>
    onChange(combo ? combos.map((c, i) => (i === index ? combo : c)) : combos.filter((_, i) => i !== index));
  return (
    <div className="field combo-editor" data-testid="combo-editor">
      <span>{t('keywords.combos')}</span>
      <span className="hint">{t('keywords.combosHint')}</span>
      {combos.map((combo, index) => (
        <fieldset key={index} className="combo" aria-label={t('keywords.comboN', { n: index + 1 })}>
          {combo.all.map((words, slot) => (
            <ChipsInput
              key={slot}
              values={words}
              label={t('keywords.slotN', { n: slot + 1 })}
              placeholder={t('keywords.slotPlaceholder')}
              // An emptied slot goes away: a combo is only its non-empty slots.
              onChange={(next) =>
                replace(index, {
                  ...combo,
                  all:
                    next.length > 0
                      ? combo.all.map((w, s) => (s === slot ? next : w))
                      : combo.all.filter((_, s) => s !== slot),
                })
              }
            />
          ))}
          <div className="row">
            <button
              type="button"
              disabled={combo.all.length >= COMBO_LIMITS.slots}
              onClick={() => replace(index, { ...combo, all: [...combo.all, []] })}
            >
              {t('keywords.addSlot')}
            </button>
            <select
              aria-label={t('keywords.within')}
              value={combo.within ?? 'clause'}
              onChange={(e) => replace(index, { ...combo, within: e.target.value as ComboWindow })}
            >
              {COMBO_WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {t(`keywords.withinOption.${w}`)}
                </option>
              ))}
            </select>
            <button type="button" onClick={() => replace(index, null)}>
              {t('keywords.removeCombo')}
            </button>
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        disabled={combos.length >= COMBO_LIMITS.combos}
        onClick={() => onChange([...combos, { all: [[], []], within: 'clause' }])}
      >
        {t('keywords.addCombo')}
      </button>
    </div>
  );
}
