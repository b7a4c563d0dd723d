/**
 * Cost models of the lab's CPU programs, in yardstick microseconds of work
 * (one µs on a 10000-speed CPU, a Pentium III at 1 GHz).
 */

/** Work of one call of the recursive Fibonacci function (about 40 cycles on the yardstick CPU). */
const FIB_CALL_US = 0.04;

/** Calls made by the naive recursive fib(n): 2·F(n+1) − 1. */
export function fibCalls(n: number): number {
	return 2 * Number(fibonacci(n + 1)) - 1;
}

/** Work of computing fib(n) recursively. fib(42) is about 35 s on the yardstick CPU. */
export function fibWork(n: number): number {
	return fibCalls(n) * FIB_CALL_US;
}

/** The n-th Fibonacci number, exactly. */
export function fibonacci(n: number): bigint {
	let a = 0n;
	let b = 1n;
	for (let i = 0; i < n; i++) [a, b] = [b, a + b];
	return a;
}

/** Work of one step of an awk loop (a test or an increment in the interpreter, about 50 cycles). */
export const AWK_STEP_US = 0.05;

/** Work per 4 KiB read() of a cached file, and the system calls it takes. */
export const READ_WORK_US = 10;

/** Resident sizes of the lab's programs (KiB): VSZ and RSS as `ps` shows them. */
export const PROGRAM_MEMORY: Readonly<Record<string, {vszKb: number; rssKb: number}>> = {
	fib: {vszKb: 1372, rssKb: 312},
	awk: {vszKb: 1884, rssKb: 604},
	filereader: {vszKb: 1420, rssKb: 356},
};
