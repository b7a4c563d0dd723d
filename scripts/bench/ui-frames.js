// Runs ui-frames.tsx bundled for production (see there).
import {spawnSync} from 'node:child_process';
import {bundle, terminalEnv} from './bundle.js';

const file = await bundle('scripts/bench/ui-frames.tsx');
const r = spawnSync(process.execPath, ['--expose-gc', file], {stdio: 'inherit', env: terminalEnv()});
process.exitCode = r.status ?? 1;
