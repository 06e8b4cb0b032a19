// Pre-build hook (see Trunk.toml): concatenates style/*.css, one file per area, into one stylesheet
// for trunk to hash and link. One file is about 1 KB smaller over the wire than six, and one request.
// The order is the cascade order; a new area must be added here. The styles of what only the tools
// module draws (the risk workspace, results, reports and the backups panel) go to a second file, which build-tools.mjs
// ships beside the tools module and the app links when it loads that module: not in the first load.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const AREAS = ['base', 'layout', 'components', 'guidance', 'library', 'questions', 'print'];
const TOOLS_AREAS = ['entries', 'risk', 'workbook', 'report', 'report-actions', 'backup', 'review'];
// Comments and indentation stay in the sources, not in what is shipped.
// Whitespace next to { } ; , > and after a declaration's colon carries no meaning in CSS.
const strip = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/([a-z-]):\s+/g, '$1:')
    .replace(/\s+/g, ' ')
    .trim();
const bundle = (areas) => areas.map((a) => strip(readFileSync(`style/${a}.css`, 'utf8'))).join('');
mkdirSync('target/css', { recursive: true });
writeFileSync('target/css/app.css', bundle(AREAS));
writeFileSync('target/css/tools.css', bundle(TOOLS_AREAS));
