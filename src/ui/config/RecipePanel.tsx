import { isRunActive, store, useApp } from '../../store';
import { SettingField } from './SettingField';
import { useT } from '../i18n';

/** Augmentation, learning-rate schedule, test-time averaging, and the one-click accuracy recipe. */
export function RecipePanel() {
  const t = useT();
  const locked = useApp(isRunActive);
  // Actions never change identity: read it once from the store.
  const { applyRecipe } = store.getState();

  return (
    <div className="panel" aria-labelledby="recipe-title">
      <h2 id="recipe-title">{t('recipeTitle')}</h2>
      <fieldset disabled={locked}>
        <button onClick={applyRecipe}>{t('recipeButton')}</button>
        <p className="hint">{t('recipeNote')}</p>
        <p className="hint">{t('augmentHint')}</p>
        <SettingField path="augment.flip" />
        <SettingField path="augment.crop" />
        <SettingField path="augment.pcaColor" />
        <div className="field-row">
          <SettingField path="schedule.kind" />
          <SettingField path="schedule.warmupEpochs" />
        </div>
        <SettingField path="tta" />
      </fieldset>
    </div>
  );
}
