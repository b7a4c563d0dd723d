/** IPv4 addresses as unsigned 32-bit integers, and the helpers everything else shares. */
export type Ip = number;

/** Parses a strict dotted quad (`192.168.0.105`); undefined when malformed. */
export function parseIp(text: string): Ip | undefined {
	const parts = text.split('.');
	if (parts.length !== 4) return undefined;
	let value = 0;
	for (const part of parts) {
		if (!/^\d{1,3}$/.test(part)) return undefined;
		const n = Number(part);
		if (n > 255) return undefined;
		value = value * 256 + n;
	}
	return value >>> 0;
}

export function formatIp(ip: Ip): string {
	return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** Network mask for a prefix length: 24 → 255.255.255.0. */
export function prefixToMask(prefix: number): Ip {
	return prefix <= 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Prefix length of a contiguous mask, or undefined if the mask has holes. */
export function maskToPrefix(mask: Ip): number | undefined {
	let prefix = 0;
	while (prefix < 32 && (mask & (0x80000000 >>> prefix)) !== 0) prefix++;
	return prefixToMask(prefix) === mask >>> 0 ? prefix : undefined;
}

export function networkOf(ip: Ip, prefix: number): Ip {
	return (ip & prefixToMask(prefix)) >>> 0;
}

export function broadcastOf(ip: Ip, prefix: number): Ip {
	return (networkOf(ip, prefix) | (~prefixToMask(prefix) >>> 0)) >>> 0;
}

export function sameSubnet(a: Ip, b: Ip, prefix: number): boolean {
	return networkOf(a, prefix) === networkOf(b, prefix);
}

/** `10.0.0.1/24` → {ip, prefix}; a bare address gets /32. */
export function parseCidr(text: string): {ip: Ip; prefix: number} | undefined {
	const [addr, len, extra] = text.split('/');
	if (addr === undefined || extra !== undefined) return undefined;
	const ip = parseIp(addr);
	if (ip === undefined) return undefined;
	if (len === undefined) return {ip, prefix: 32};
	if (!/^\d{1,2}$/.test(len)) return undefined;
	const prefix = Number(len);
	return prefix <= 32 ? {ip, prefix} : undefined;
}

export function isMulticast(ip: Ip): boolean {
	return ip >>> 28 === 0xe;
}

export function isLoopback(ip: Ip): boolean {
	return ip >>> 24 === 127;
}

/** 127.0.0.1: lo's address, and the source the kernel picks for traffic to any loopback address. */
export const LOCALHOST: Ip = 0x7f000001;

/** Formats a 48-bit MAC address given as six bytes. */
export function formatMac(bytes: readonly number[]): string {
	return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
