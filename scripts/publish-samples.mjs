// Post-build hook (see post-build.sh): copies the fictional samples (content/samples/*.json, answer
// files) to dist/samples/, fetched only when a user opens one (src/ui/components/samples.rs), so they
// weigh on no visit that does not use them. Fails the build when there are none.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stagingDir } from './dist-files.mjs';

const dir = stagingDir('publish-samples');
const source = join(process.env.TRUNK_SOURCE_DIR ?? '.', 'content', 'samples');
const files = readdirSync(source).filter((f) => /^[a-z0-9-]+\.json$/.test(f));
if (files.length === 0) {
  console.error(`publish-samples: no sample in ${source}`);
  process.exit(1);
}
mkdirSync(join(dir, 'samples'), { recursive: true });
for (const f of files) copyFileSync(join(source, f), join(dir, 'samples', f));
console.log(`publish-samples: ${files.length} samples`);
