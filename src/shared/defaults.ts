// Settings every layer starts from: the page's store, the headless trainer and the tests. The
// values are the settings table's defaults (settings.ts).

export { PAPER_OPTIMIZER } from './settings';
