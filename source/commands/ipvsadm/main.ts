import type {Host} from '../../sim/host';
import {noFormat} from './entry';
import {IpvsadmExit, type Io} from './exit';
import {LibIpvs} from './libipvs';
import {listAll} from './list';
import {Netdb} from './netdb';
import {SegmentationFault} from './parse';
import {processOptions} from './process';

/** The oldest kernel IPVS that ipvsadm 1.31 accepts without a warning. */
const MINIMUM_IPVS = '1.1.4';

/** IPVS_VERSION(x, y, z): a version as one comparable number. */
function versionCode(version: string): number {
	const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
	return major * 65536 + minor * 256 + patch;
}

/**
 * ipvsadm's main(): open the kernel interface (which fails on a kernel without
 * IPVS, whatever the arguments), list the table when there are no arguments, else
 * process the command line. Returns the exit status.
 */
export function ipvsadmMain(host: Host, argv: readonly string[], stdin: string | undefined, io: Io): number {
	try {
		const ipvs = host.ipvs;
		if (!ipvs) {
			io.err("Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n");
			return 2;
		}
		const version = ipvs.era.ipvsVersion;
		if (versionCode(version) < versionCode(MINIMUM_IPVS)) {
			io.err(`Warning: IPVS version mismatch: \n  Kernel compiled with IPVS version ${version}\n  ipvsadm v1.31  requires minimum IPVS version ${MINIMUM_IPVS}\n\n`);
		}
		const env = {io, lib: new LibIpvs(ipvs), netdb: new Netdb(host.fs), fs: host.fs, kernelVersion: version, stdin: {text: stdin ?? '', pos: 0}};
		if (argv.length === 1) {
			listAll(noFormat(), env);
			return 0;
		}
		return processOptions(argv, false, env) & 255;
	} catch (error) {
		if (error instanceof IpvsadmExit) return error.status;
		if (error instanceof SegmentationFault) {
			io.err('Segmentation fault\n');
			return 139;
		}
		throw error;
	}
}
