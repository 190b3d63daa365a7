import { useApp } from '../../store';
import type { Activation, ModelConfig, PoolingMode, PresetId } from '../../shared/types';
import { defaultConfig } from '../../model/spec';
import { NumberField } from './NumberField';
import { useT } from '../i18n';
import { useShallow } from 'zustand/react/shallow';

/** The run's settings. Locked while a run is training or paused: the config can't change under it. */
export function ConfigPanel() {
  const t = useT();
  // Only what this panel shows: a whole-state selector would re-render it on every training step.
  const s = useApp(
    useShallow((st) => ({
      config: st.config,
      optimizer: st.optimizer,
      data: st.data,
      epochs: st.epochs,
      seed: st.seed,
      runState: st.runState,
      dataset: st.dataset,
      setConfig: st.setConfig,
      setOptimizer: st.setOptimizer,
      setData: st.setData,
      setEpochs: st.setEpochs,
      setSeed: st.setSeed,
    })),
  );
  const locked = s.runState === 'training' || s.runState === 'paused';
  const available = s.dataset?.batches.map((b) => b.batch) ?? [1, 2, 3, 4, 5];

  return (
    <div className="panel" aria-labelledby="config-title">
      <h2 id="config-title">{t('configTitle')}</h2>
      <fieldset disabled={locked}>
        <label className="field">
          <span>{t('preset')}</span>
          <select
            value={s.config.preset}
            onChange={(e) =>
              s.setConfig({ ...keepToggles(s.config), preset: e.currentTarget.value as PresetId })
            }
          >
            <option value="cifar">{t('presetCifar')}</option>
            <option value="paper">{t('presetPaper')}</option>
          </select>
        </label>
        <p className="hint">{t('innovations')}</p>
        <label className="field">
          <span>{t('activation')}</span>
          <select
            value={s.config.activation}
            onChange={(e) => s.setConfig({ activation: e.currentTarget.value as Activation })}
          >
            <option value="relu">{t('reluPaper')}</option>
            <option value="tanh">tanh</option>
            <option value="sigmoid">sigmoid</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.config.lrn}
            onChange={(e) => s.setConfig({ lrn: e.currentTarget.checked })}
          />
          {t('lrnToggle')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.config.dropout}
            onChange={(e) => s.setConfig({ dropout: e.currentTarget.checked })}
          />
          {t('dropoutToggle')}
        </label>
        <label className="field">
          <span>{t('pooling')}</span>
          <select
            value={s.config.pooling}
            onChange={(e) => s.setConfig({ pooling: e.currentTarget.value as PoolingMode })}
          >
            <option value="overlapping">{t('poolingOverlapping')}</option>
            <option value="non-overlapping">{t('poolingNonOverlapping')}</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.config.grouped}
            onChange={(e) => s.setConfig({ grouped: e.currentTarget.checked })}
          />
          {t('groupedToggle')}
        </label>

        <p className="hint">{t('optimizerHint')}</p>
        <div className="field-row">
          <NumberField
            label={t('learningRate')}
            value={s.optimizer.learningRate}
            min={1e-6}
            max={1}
            onChange={(v) => s.setOptimizer({ learningRate: v })}
          />
          <NumberField
            label={t('momentum')}
            value={s.optimizer.momentum}
            min={0}
            max={0.999}
            onChange={(v) => s.setOptimizer({ momentum: v })}
          />
          <NumberField
            label={t('weightDecay')}
            value={s.optimizer.weightDecay}
            min={0}
            max={0.1}
            onChange={(v) => s.setOptimizer({ weightDecay: v })}
          />
          <NumberField
            label={t('batchSize')}
            value={s.optimizer.batchSize}
            min={1}
            max={1024}
            integer
            onChange={(v) => s.setOptimizer({ batchSize: v })}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={s.optimizer.decayOnPlateau}
            onChange={(e) => s.setOptimizer({ decayOnPlateau: e.currentTarget.checked })}
          />
          {t('plateauToggle')}
        </label>
        <div className="field-row">
          <NumberField
            label={t('epochs')}
            value={s.epochs}
            min={1}
            max={500}
            integer
            onChange={s.setEpochs}
          />
          <NumberField
            label={t('seed')}
            value={s.seed}
            min={0}
            max={2 ** 31 - 1}
            integer
            onChange={s.setSeed}
          />
        </div>

        <p className="hint">{t('batchesHint')}</p>
        <div className="batches" role="group" aria-label={t('trainingBatches')}>
          {available.map((b) => (
            <label key={b} className="check inline">
              <input
                type="checkbox"
                checked={s.data.batches.includes(b)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  const next = on ? [...s.data.batches, b].sort() : s.data.batches.filter((x) => x !== b);
                  if (next.length > 0) s.setData({ batches: next });
                }}
              />
              {t('batchN', { n: b })}
            </label>
          ))}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={s.data.quick}
            onChange={(e) => s.setData({ quick: e.currentTarget.checked })}
          />
          {t('quickMode', { train: s.data.quickTrain.toLocaleString(), test: s.data.quickTest })}
        </label>
      </fieldset>
      {locked && <p className="hint">{t('locked')}</p>}
    </div>
  );
}

/** Switching preset keeps the user's toggles; only the layer list changes. */
function keepToggles(c: ModelConfig): ModelConfig {
  return { ...defaultConfig(c.preset), ...c };
}
