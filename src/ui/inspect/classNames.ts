import { CLASS_NAMES } from '../../shared/types';
import type { Translate } from '../i18n';

/** A CIFAR-10 class name in the page's language (the test hooks keep the English name). */
export function className(t: Translate, cls: number): string {
  return t('classNames').split('|')[cls] ?? CLASS_NAMES[cls];
}
