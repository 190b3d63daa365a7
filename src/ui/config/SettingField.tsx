import { store, useApp } from '../../store';
import { getPath, settingRow } from '../../shared/settings';
import { NumberField } from './NumberField';
import { useT, type MessageKey } from '../i18n';

interface Props {
  /** The setting's path in the settings table (src/shared/settings.ts). */
  path: string;
  /** Values for the label's {placeholders}. */
  labelVars?: Record<string, string | number>;
  disabled?: boolean;
}

/** One setting's control, made from its table row: a checkbox, a select or a number field. */
export function SettingField({ path, labelVars, disabled }: Props) {
  const t = useT();
  const row = settingRow(path);
  const value = useApp((s) => getPath(s, path));
  const set = (v: unknown) => store.getState().setSetting(path, v);
  const label = t(row.label as MessageKey, labelVars);
  switch (row.type) {
    case 'bool':
      return (
        <label className="check">
          <input
            type="checkbox"
            checked={value as boolean}
            disabled={disabled}
            onChange={(e) => set(e.currentTarget.checked)}
          />
          {label}
        </label>
      );
    case 'choice':
      return (
        <label className="field">
          <span>{label}</span>
          <select value={value as string} disabled={disabled} onChange={(e) => set(e.currentTarget.value)}>
            {row.choices.map((c, i) => {
              const key = row.optionLabels[i];
              return (
                <option key={c} value={c}>
                  {key ? t(key as MessageKey) : c}
                </option>
              );
            })}
          </select>
        </label>
      );
    case 'number':
    case 'int':
      return (
        <NumberField
          label={label}
          value={value as number}
          min={row.min}
          max={row.max}
          integer={row.type === 'int'}
          disabled={disabled}
          onChange={set}
        />
      );
    case 'list':
      throw new Error(`${path}: a list has no generic field`);
  }
}
