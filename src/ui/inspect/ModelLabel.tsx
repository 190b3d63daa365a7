import type { ModelOrigin } from '../../shared/inspect';
import { accuracyPercent } from '../../model/pretrained';
import { useProblemText, useT, type Translate } from '../i18n';

/** Which model answered, in words; the pretrained one with its label (epochs, accuracy, command). */
export function originText(t: Translate, o: ModelOrigin): string {
  switch (o.source) {
    case 'untrained':
      return t('originUntrained', { preset: o.config.preset, seed: o.seed });
    case 'pretrained':
      return t('originPretrained', {
        epochs: o.pretrained?.epochs ?? o.epochs,
        acc: o.pretrained ? accuracyPercent(o.pretrained.testAccuracy) : '?',
        command: o.pretrained?.command ?? '',
      });
    case 'training':
      return t('originTraining', { epochs: o.epochs });
    case 'trained':
      return t('originTrained', { epochs: o.epochs });
    case 'loaded':
      return t('originLoaded', { epochs: o.epochs });
  }
}

/** "Model: …" above a view, naming the model its answer came from (data-testid for the tests). */
export function ModelLabel({ origin, testId }: { origin: ModelOrigin; testId: string }) {
  const t = useT();
  return (
    <p className="hint model-label">
      {t('modelIs')}:{' '}
      <strong data-testid={testId} data-source={origin.source}>
        {originText(t, origin)}
      </strong>
    </p>
  );
}

/** What the label means: an untrained model's random answers, or the pretrained one's accuracy. */
export function OriginNote({ origin }: { origin: ModelOrigin }) {
  const t = useT();
  const word = useProblemText();
  if (origin.source === 'pretrained' && origin.pretrained)
    return (
      <p className="note" data-testid="pretrained-note">
        {t('pretrainedNote', {
          acc: accuracyPercent(origin.pretrained.testAccuracy),
          count: origin.pretrained.testCount.toLocaleString('en'),
        })}
      </p>
    );
  if (origin.source !== 'untrained') return null;
  return (
    <>
      {origin.pretrainedProblem && (
        <p className="note" data-testid="pretrained-failed">
          {t('pretrainedFailedNote', { why: word(origin.pretrainedProblem) })}
        </p>
      )}
      <p className="note">{t('untrainedNote')}</p>
    </>
  );
}
