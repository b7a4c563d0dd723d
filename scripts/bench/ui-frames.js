// Runs ui-frames.tsx bundled for production (see there).
import {spawnSync} from 'node:child_process';
import {bundle} from './bundle.js';

const file = await bundle('scripts/bench/ui-frames.tsx');
const r = spawnSync(process.execPath, ['--expose-gc', file], {stdio: 'inherit', env: {...process.env, CI: '', NO_COLOR: ''}});
process.exitCode = r.status ?? 1;
