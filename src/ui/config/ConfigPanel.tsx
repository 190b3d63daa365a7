import { useApp } from '../../store';
import type { Activation, PoolingMode, PresetId } from '../../shared/types';
import { defaultConfig } from '../../model/spec';
import { NumberField } from './NumberField';

const PRESETS: { id: PresetId; label: string }[] = [
  { id: 'cifar', label: 'AlexNet-CIFAR (32×32, native)' },
  { id: 'paper', label: 'AlexNet (paper, 227×227)' },
];

/** The run's settings. Locked while a run is training or paused: the config can't change under it. */
export function ConfigPanel() {
  const s = useApp((st) => st);
  const locked = s.runState === 'training' || s.runState === 'paused';
  const available = s.dataset?.batches.map((b) => b.batch) ?? [1, 2, 3, 4, 5];

  return (
    <div className="panel" aria-labelledby="config-title">
      <h2 id="config-title">Model and training</h2>
      <fieldset disabled={locked}>
        <label className="field">
          <span>Preset</span>
          <select
            value={s.config.preset}
            onChange={(e) =>
              s.setConfig({ ...defaultConfig(e.currentTarget.value as PresetId), ...pickToggles(s.config) })
            }
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">The paper's four innovations:</p>
        <label className="field">
          <span>Activation</span>
          <select
            value={s.config.activation}
            onChange={(e) => s.setConfig({ activation: e.currentTarget.value as Activation })}
          >
            <option value="relu">ReLU (the paper)</option>
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
          Local response normalisation (k=2, n=5, α=1e-4, β=0.75)
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.config.dropout}
            onChange={(e) => s.setConfig({ dropout: e.currentTarget.checked })}
          />
          Dropout 0.5 on the hidden fully connected layers
        </label>
        <label className="field">
          <span>Pooling</span>
          <select
            value={s.config.pooling}
            onChange={(e) => s.setConfig({ pooling: e.currentTarget.value as PoolingMode })}
          >
            <option value="overlapping">overlapping 3×3, stride 2 (the paper)</option>
            <option value="non-overlapping">non-overlapping 2×2, stride 2</option>
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={s.config.grouped}
            onChange={(e) => s.setConfig({ grouped: e.currentTarget.checked })}
          />
          Two-tower grouped convolutions in C2, C4, C5 (the paper's two GPUs)
        </label>

        <p className="hint">
          Optimiser (the paper: SGD, momentum 0.9, weight decay 5e-4, lr 0.01, batch 128):
        </p>
        <div className="field-row">
          <NumberField
            label="Learning rate"
            value={s.optimizer.learningRate}
            min={1e-6}
            max={1}
            onChange={(v) => s.setOptimizer({ learningRate: v })}
          />
          <NumberField
            label="Momentum"
            value={s.optimizer.momentum}
            min={0}
            max={0.999}
            onChange={(v) => s.setOptimizer({ momentum: v })}
          />
          <NumberField
            label="Weight decay"
            value={s.optimizer.weightDecay}
            min={0}
            max={0.1}
            onChange={(v) => s.setOptimizer({ weightDecay: v })}
          />
          <NumberField
            label="Batch size"
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
          Divide the learning rate by 10 when test error stops improving
        </label>
        <div className="field-row">
          <NumberField label="Epochs" value={s.epochs} min={1} max={500} integer onChange={s.setEpochs} />
          <NumberField label="Seed" value={s.seed} min={0} max={2 ** 31 - 1} integer onChange={s.setSeed} />
        </div>

        <p className="hint">Training batches (the test set is always the test images):</p>
        <div className="batches" role="group" aria-label="Training batches">
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
              batch {b}
            </label>
          ))}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={s.data.quick}
            onChange={(e) => s.setData({ quick: e.currentTarget.checked })}
          />
          Quick mode: {s.data.quickTrain.toLocaleString()} training and {s.data.quickTest} test images
        </label>
      </fieldset>
      {locked && <p className="hint">Settings are locked while a run is in progress.</p>}
    </div>
  );
}

function pickToggles(c: {
  activation: Activation;
  lrn: boolean;
  dropout: boolean;
  pooling: PoolingMode;
  grouped: boolean;
}) {
  return { activation: c.activation, lrn: c.lrn, dropout: c.dropout, pooling: c.pooling, grouped: c.grouped };
}
