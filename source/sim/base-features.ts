import type {Feature} from './feature';

/** /dev/null and friends. */
export const devices: Feature = {
	name: 'devices',
	setupHost(_world, host) {
		host.fs.mount('/dev', {
			read: (path) => (path === '/dev/null' || path === '/dev/zero' ? '' : undefined),
			write: (path) => (path === '/dev/null' ? undefined : 'EACCES'),
			list: (path) => (path === '/dev' ? ['null', 'zero'] : undefined),
			isDir: (path) => path === '/dev',
		});
	},
};

/** /proc/sys/… mirrors the host's sysctl table, as the kernel does. */
export const procSys: Feature = {
	name: 'proc-sys',
	setupHost(_world, host) {
		const keyOf = (path: string) => path.slice('/proc/sys/'.length).replace(/\//g, '.');
		const dirs = () => {
			const set = new Set<string>(['/proc/sys']);
			for (const key of host.sysctl.keys()) {
				const parts = key.split('.');
				for (let i = 1; i < parts.length; i++) set.add('/proc/sys/' + parts.slice(0, i).join('/'));
			}
			return set;
		};
		host.fs.mount('/proc/sys', {
			read: (path) => {
				const value = host.sysctl.get(keyOf(path));
				return value === undefined ? undefined : value + '\n';
			},
			write: (path, data) => {
				const key = keyOf(path);
				if (!host.sysctl.has(key)) return 'ENOENT';
				host.sysctl.set(key, data.trim());
				return undefined;
			},
			isDir: (path) => dirs().has(path),
			list: (path) => {
				if (!dirs().has(path)) return undefined;
				const prefix = path === '/proc/sys' ? '' : path.slice('/proc/sys/'.length).replace(/\//g, '.') + '.';
				const names = new Set<string>();
				for (const key of host.sysctl.keys()) if (key.startsWith(prefix)) names.add(key.slice(prefix.length).split('.')[0]!);
				return [...names].sort();
			},
		});
	},
};
