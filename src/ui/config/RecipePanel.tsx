import { store, useApp } from '../../store';
import type { ScheduleSettings } from '../../shared/types';
import { NumberField } from './NumberField';
import { useT } from '../i18n';

/** Augmentation, learning-rate schedule, test-time averaging, and the one-click accuracy recipe. */
export function RecipePanel() {
  const t = useT();
  const augment = useApp((s) => s.augment);
  const schedule = useApp((s) => s.schedule);
  const tta = useApp((s) => s.tta);
  const locked = useApp((s) => s.runState === 'training' || s.runState === 'paused');
  // Actions never change identity: read them once from the store.
  const { setAugment, setSchedule, setTta, applyRecipe } = store.getState();

  return (
    <div className="panel" aria-labelledby="recipe-title">
      <h2 id="recipe-title">{t('recipeTitle')}</h2>
      <fieldset disabled={locked}>
        <button onClick={applyRecipe}>{t('recipeButton')}</button>
        <p className="hint">{t('recipeNote')}</p>
        <p className="hint">{t('augmentHint')}</p>
        <label className="check">
          <input
            type="checkbox"
            checked={augment.flip}
            onChange={(e) => setAugment({ flip: e.currentTarget.checked })}
          />
          {t('flipToggle')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={augment.crop}
            onChange={(e) => setAugment({ crop: e.currentTarget.checked })}
          />
          {t('cropToggle')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={augment.pcaColor}
            onChange={(e) => setAugment({ pcaColor: e.currentTarget.checked })}
          />
          {t('pcaToggle')}
        </label>
        <div className="field-row">
          <label className="field">
            <span>{t('schedule')}</span>
            <select
              value={schedule.kind}
              onChange={(e) => setSchedule({ kind: e.currentTarget.value as ScheduleSettings['kind'] })}
            >
              <option value="constant">{t('scheduleConstant')}</option>
              <option value="step">{t('scheduleStep')}</option>
              <option value="cosine">{t('scheduleCosine')}</option>
            </select>
          </label>
          <NumberField
            label={t('warmup')}
            value={schedule.warmupEpochs}
            min={0}
            max={20}
            integer
            onChange={(v) => setSchedule({ warmupEpochs: v })}
          />
        </div>
        <label className="check">
          <input type="checkbox" checked={tta} onChange={(e) => setTta(e.currentTarget.checked)} />
          {t('ttaToggle')}
        </label>
      </fieldset>
    </div>
  );
}
