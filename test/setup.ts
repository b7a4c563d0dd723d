import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

// Ink renders only the final frame when CI is set, and colours depend on NO_COLOR:
// tests see the interactive behaviour a user gets.
delete process.env.CI;
delete process.env.NO_COLOR;

// Progress and settings go to a throw-away folder, so tests never touch the real user's; every
// spawned cluster-lab inherits it. The locale is pinned so texts do not depend on the machine.
process.env.XDG_CONFIG_HOME = mkdtempSync(path.join(tmpdir(), 'cluster-lab-config-'));
delete process.env.LC_ALL;
delete process.env.LC_MESSAGES;
process.env.LANG = 'C.UTF-8';
