import { useState } from 'react';
import { useT } from '../i18n';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  disabled?: boolean;
  onChange(value: number): void;
}

/**
 * A number input that only commits values within [min, max]; anything else shows why next to
 * the field and keeps the last good value.
 */
export function NumberField({ label, value, min, max, step, integer, disabled, onChange }: Props) {
  const t = useT();
  const [text, setText] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // The value changed from outside (e.g. a preset): show it.
    setShown(value);
    setText(String(value));
    setProblem(null);
  }
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        value={text}
        min={min}
        max={max}
        step={step ?? 'any'}
        disabled={disabled}
        aria-invalid={problem !== null}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          setText(raw);
          const v = Number(raw);
          if (raw.trim() === '' || !Number.isFinite(v)) setProblem(t('enterNumber'));
          else if (integer && !Number.isInteger(v)) setProblem(t('enterWhole'));
          else if (v < min || v > max) setProblem(t('between', { min, max }));
          else {
            setProblem(null);
            setShown(v);
            onChange(v);
          }
        }}
      />
      {problem && <small className="field-problem">{problem}</small>}
    </label>
  );
}
