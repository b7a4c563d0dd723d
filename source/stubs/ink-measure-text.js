// Ink's measure-text.js keeps the size of every text it ever measured in a Map
// that is never emptied. A live screen draws new text many times a second, so
// in an hour that Map holds hundreds of megabytes. Same function, bounded cache.
import widestLine from 'widest-line';

const LIMIT = 2000;
let cache = new Map();

export default function measureText(text) {
	if (text.length === 0) return {width: 0, height: 0};
	const cached = cache.get(text);
	if (cached) return cached;
	const dimensions = {width: widestLine(text), height: text.split('\n').length};
	if (cache.size >= LIMIT) cache = new Map();
	cache.set(text, dimensions);
	return dimensions;
}
