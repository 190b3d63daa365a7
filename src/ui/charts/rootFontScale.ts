import { rootFontScale } from './scaleAxes';
import { rootWatch } from './rootWatch';

/** The root font scale, followed as projector mode changes it (canvas text does not follow CSS). */
export const useRootFontScale = rootWatch('class', rootFontScale, (a, b) => a === b);
