// Benchmarks: each case runs in its own process so peak RSS is per case.
console.log('no benchmarks yet');
