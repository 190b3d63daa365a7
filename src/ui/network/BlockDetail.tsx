import { useT, type MessageKey } from '../i18n';
import type { NetBlock } from './layout';

const fmt = (n: number) => n.toLocaleString('en-US');

/** The hovered or focused block's numbers (id net-detail: each block is described by it). */
export function BlockDetail({ block }: { block: NetBlock | null }) {
  const t = useT();
  if (!block) {
    return (
      <p className="net-detail hint" id="net-detail" data-testid="net-detail">
        {t('netDetailEmpty')}
      </p>
    );
  }
  const l = block.layer;
  const kind = t(`netKind_${block.kind}` as MessageKey);
  return (
    <p className="net-detail" id="net-detail" data-testid="net-detail" data-layer={block.name}>
      <strong>{block.name}</strong> · {kind} · {t('netOutput', { shape: block.shapeText })}
      {block.params > 0 && <> · {t('netParams', { n: fmt(block.params) })}</>}
      {block.macs > 0 && <> · {t('netMacs', { n: fmt(block.macs) })}</>}
      {l.kind === 'conv' && l.groups === 2 && <> · {t('netTowers', { half: l.filters / 2 })}</>}
      {l.kind === 'maxpool' && (
        <> · {t(l.size > l.stride ? 'netPoolOverlap' : 'netPoolApart', { size: l.size, stride: l.stride })}</>
      )}
      {block.fractional && <> · {t('netFractional')}</>}
      {' · '}
      <span className="hint">{t('netClick')}</span>
    </p>
  );
}
