import { isRunActive, useApp } from '../../store';
import { settingRow } from '../../shared/settings';
import { SettingField } from './SettingField';
import { useT, type MessageKey } from '../i18n';
import { useShallow } from 'zustand/react/shallow';
import { CopyLink } from './CopyLink';

/** The run's settings. Locked while a run is training or paused: the config can't change under it. */
export function ConfigPanel() {
  const t = useT();
  // Only what this panel shows: a whole-state selector would re-render it on every training step.
  const s = useApp(
    useShallow((st) => ({
      data: st.data,
      runState: st.runState,
      dataset: st.dataset,
      setData: st.setData,
    })),
  );
  const locked = isRunActive(s);
  const available = s.dataset?.batches.map((b) => b.batch) ?? settingRow('data.batches').default;

  return (
    <div className="panel" aria-labelledby="config-title">
      <h2 id="config-title">{t('configTitle')}</h2>
      <CopyLink />
      <fieldset disabled={locked}>
        <SettingField path="config.preset" />
        <p className="hint">{t('innovations')}</p>
        <SettingField path="config.activation" />
        <SettingField path="config.lrn" />
        <SettingField path="config.dropout" />
        <SettingField path="config.pooling" />
        <SettingField path="config.grouped" />
        <SettingField path="config.width" />

        <p className="hint">{t('optimizerHint')}</p>
        <div className="field-row">
          <SettingField path="optimizer.learningRate" />
          <SettingField path="optimizer.momentum" />
          <SettingField path="optimizer.weightDecay" />
          <SettingField path="optimizer.batchSize" />
        </div>
        <SettingField path="optimizer.decayOnPlateau" />
        <div className="field-row">
          <SettingField path="epochs" />
          <SettingField path="seed" />
        </div>

        <p className="hint">{t('batchesHint')}</p>
        <div className="batches" role="group" aria-label={t(settingRow('data.batches').label as MessageKey)}>
          {(available as number[]).map((b) => (
            <label key={b} className="check inline">
              <input
                type="checkbox"
                checked={s.data.batches.includes(b)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  const next = on ? [...s.data.batches, b].sort() : s.data.batches.filter((x) => x !== b);
                  // The table's list rows are never empty: the last ticked batch stays ticked.
                  if (next.length > 0) s.setData({ batches: next });
                }}
              />
              {t('batchN', { n: b })}
            </label>
          ))}
        </div>
        <SettingField
          path="data.quick"
          labelVars={{ train: s.data.quickTrain.toLocaleString(), test: s.data.quickTest }}
        />
        <SettingField path="data.preprocess" />
      </fieldset>
      {locked && <p className="hint">{t('locked')}</p>}
    </div>
  );
}
