import type { LayerSpec, ModelSpec } from '../../shared/types';
import { useT } from '../i18n';
import { c1Formula } from './c1Formula';

/**
 * Why the paper's input is 227 and not the 224 it states: C1 (11×11, stride 4, no padding) gives
 * (in − 11) / 4 + 1 — 55 for 227, but 54.25 for 224, so 224 cannot tile exactly.
 */
export function InputSizeNote({ spec }: { spec: ModelSpec }) {
  const t = useT();
  const resize = spec.layers.find((l): l is Extract<LayerSpec, { kind: 'resize' }> => l.kind === 'resize');
  const conv1 = spec.layers.find((l): l is Extract<LayerSpec, { kind: 'conv' }> => l.kind === 'conv');
  if (!resize || !conv1) return null;
  const formula = (size: number) => c1Formula(conv1, size);
  return (
    <div className="note" data-testid="input-size-note">
      <strong>{t('why227Title')}</strong>{' '}
      {t('why227', {
        filters: conv1.filters,
        kernel: conv1.kernel,
        stride: conv1.stride,
        f224: formula(224),
        size: resize.height,
        f227: formula(resize.height),
      })}
    </div>
  );
}
