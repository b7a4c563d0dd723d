// Ink strips cursor-moving escape codes from every text node on every frame,
// tokenizing the whole text by graphemes each time. The lab redraws the same
// panel texts frame after frame, so the answers are remembered (a bounded
// cache; the function is pure).
import sanitizeAnsi from '../../node_modules/ink/build/sanitize-ansi.js';

const LIMIT = 500;
let cache = new Map();

export default function rememberedSanitizeAnsi(text) {
	let result = cache.get(text);
	if (result === undefined) {
		result = sanitizeAnsi(text);
		if (cache.size >= LIMIT) cache = new Map();
		cache.set(text, result);
	}
	return result;
}
