import type {Localized} from '../../../i18n/lang';
import type {Dest} from '../types';

/**
 * The words of the schedulers' traces, in every language the lab speaks.
 * Traces are only built when someone asks (`explain`), so these objects never
 * touch the scheduling hot path. Formulas keep the kernel's notation in both
 * languages (`loh*w(d) > doh*w(least)`, `0*256+1 = 1`); only words change.
 */

/** Joins pieces into one text per language; strings and numbers read the same in both. */
export function cat(...parts: ReadonlyArray<Localized | string | number>): Localized {
	let en = '';
	let es = '';
	for (const p of parts) {
		if (typeof p === 'object') {
			en += p.en;
			es += p.es;
		} else {
			en += p;
			es += p;
		}
	}
	return {en, es};
}

const both = (en: string, es: string): Localized => ({en, es});

/** How a trace names the list head when the scheduler's mark is before the first entry. */
const LIST_HEAD = both('list head', 'cabeza de la lista');

export const say = {
	weight: (w: number) => both(`weight ${w}`, `peso ${w}`),
	active: (a: number) => both(`active ${a}`, `activas ${a}`),
	overloadFlag: both('OVERLOAD flag set', 'indicador OVERLOAD activo'),
	notAvailable: both('deleted (not AVAILABLE)', 'borrado (sin AVAILABLE)'),
	noDestination: both('no destination available', 'no hay ningún destino disponible'),
	/** `overhead 3*256+1 = 769`, the load the least-connection family compares. */
	overhead: (d: Dest, perActive: number, value: number) =>
		both(`overhead ${d.activeConns}*${perActive}+${d.inactConns} = ${value}`, `carga ${d.activeConns}*${perActive}+${d.inactConns} = ${value}`),
	expectedDelay: (d: Dest, value: number) => both(`expected delay ${d.activeConns}+1 = ${value}`, `retardo esperado ${d.activeConns}+1 = ${value}`),
	/** `bucket 42` or `bucket 211 (offset 106)` for sh/dh; `slot …` for mh. */
	bucket: (h: number, offset?: number) =>
		offset === undefined ? both(`bucket ${h}`, `cubeta ${h}`) : both(`bucket ${h} (offset ${offset})`, `cubeta ${h} (desplazamiento ${offset})`),
	slot: (h: number, offset?: number) =>
		offset === undefined ? both(`slot ${h}`, `ranura ${h}`) : both(`slot ${h} (offset ${offset})`, `ranura ${h} (desplazamiento ${offset})`),

	rr: {
		rule: both(
			'next entry after the last pick (wrapping) with weight > 0 and not overloaded',
			'la siguiente entrada tras la última elegida (volviendo al principio) con peso > 0 y sin sobrecarga',
		),
		position: (label: string | null, entry: number, count: number) =>
			label === null
				? cat(both('rr position: ', 'posición de rr: '), LIST_HEAD)
				: both(`rr position: ${label} (entry ${entry} of ${count})`, `posición de rr: ${label} (entrada ${entry} de ${count})`),
	},

	wrr: {
		rule: both(
			'walk the list for weight >= cw; at the end cw -= gcd; when cw <= 0 restart at cw = max',
			'recorre la lista buscando peso >= cw; al final, cw -= mcd; cuando cw <= 0, vuelve a empezar con cw = máx',
		),
		mark: (cw: number, mw: number, di: number) => both(`cw=${cw} mw=${mw} gcd=${di}`, `cw=${cw} mw=${mw} mcd=${di}`),
		start: (mark: Localized, after: string | null) =>
			cat(both('start: ', 'inicio: '), mark, after === null ? both(', after list head', ', tras la cabeza de la lista') : both(`, after ${after}`, `, tras ${after}`)),
		endOfList: (mark: Localized) => cat(both('end of list: ', 'fin de la lista: '), mark),
		listHead: (mark: Localized) => cat(LIST_HEAD, ': ', mark),
		overloaded: (cw: number) => both(`OVERLOAD flag set (cw=${cw})`, `indicador OVERLOAD activo (cw=${cw})`),
		atLeast: (w: number, cw: number) => both(`weight ${w} >= cw ${cw}`, `peso ${w} >= cw ${cw}`),
		below: (w: number, cw: number) => both(`weight ${w} < cw ${cw}`, `peso ${w} < cw ${cw}`),
		allZero: both('no destination available (all weights are 0)', 'no hay ningún destino disponible (todos los pesos son 0)'),
		allOverloaded: both('no destination available: all destinations are overloaded', 'no hay ningún destino disponible: todos están sobrecargados'),
		noneThere: both('no destination available: no destinations present', 'no hay ningún destino disponible: la lista está vacía'),
	},

	lc: {
		rule: both(
			'least active*256+inactive among weight > 0, not overloaded (strict <, first wins ties)',
			'menor activas*256+inactivas entre los de peso > 0 y sin sobrecarga (< estricto: en un empate gana el primero)',
		),
	},

	wlc: {
		rule: both(
			'least (active*256+inactive)/weight: replace least when loh*w(d) > doh*w(least)',
			'menor (activas*256+inactivas)/peso: el candidato (least) se reemplaza cuando loh*w(d) > doh*w(least)',
		),
	},

	sed: {
		rule: both(
			'least (active+1)/weight: replace least when loh*w(d) > doh*w(least); inactive ignored',
			'menor (activas+1)/peso: el candidato (least) se reemplaza cuando loh*w(d) > doh*w(least); las inactivas no cuentan',
		),
	},

	nq: {
		rule: both(
			'first idle server (active = 0) wins at once; else least (active+1)/weight',
			'el primer servidor ocioso (activas = 0) gana en el acto; si no hay, menor (activas+1)/peso',
		),
		idle: (w: number) => both(`idle: active 0, weight ${w}`, `ocioso: activas 0, peso ${w}`),
	},

	fo: {
		rule: both(
			'highest weight among servers not overloaded (strict >, starting from 0; first wins ties)',
			'mayor peso entre los servidores sin sobrecarga (> estricto, partiendo de 0: en un empate gana el primero)',
		),
	},

	ovf: {
		rule: both(
			'highest weight among servers with active <= weight, weight > 0, not overloaded (first wins ties)',
			'mayor peso entre los servidores con activas <= peso, peso > 0 y sin sobrecarga (en un empate gana el primero)',
		),
		full: (a: number, w: number) => both(`full: active ${a} > weight ${w}`, `lleno: activas ${a} > peso ${w}`),
	},

	dh: {
		rule: both('bucket[hash(destination address)]; no fallback', 'cubeta[hash(dirección de destino)]; sin alternativa'),
	},

	sh: {
		rule: (port: boolean, fallback: boolean) =>
			both(
				`bucket[hash(source address${port ? ', source port' : ''})]${fallback ? ', sh-fallback: walk the table while unusable' : ''}`,
				`cubeta[hash(dirección de origen${port ? ', puerto de origen' : ''})]${fallback ? ', sh-fallback: recorre la tabla mientras el servidor no se pueda usar' : ''}`,
			),
	},

	mh: {
		rule: (port: boolean, fallback: boolean, size: number) =>
			both(
				`lookup[hsiphash(source address${port ? ' + source port' : ''}) % ${size}]${fallback ? ', mh-fallback: walk the table while unusable' : ''}`,
				`lookup[hsiphash(dirección de origen${port ? ' + puerto de origen' : ''}) % ${size}]${fallback ? ', mh-fallback: recorre la tabla mientras el servidor no se pueda usar' : ''}`,
			),
		hash: (key: string, size: number, slot: number) => both(`hsiphash(${key}) % ${size} = slot ${slot}`, `hsiphash(${key}) % ${size} = ranura ${slot}`),
		table: (gcd: number, shift: number) => both(`table: gcd ${gcd}, weight shift ${shift}`, `tabla: mcd ${gcd}, desplazamiento de pesos ${shift}`),
	},

	twos: {
		rule: both(
			'two weighted random picks r1, r2 in [0, sum(w)]; keep pick 2 when w2*overhead1 > w1*overhead2',
			'dos elecciones aleatorias ponderadas r1, r2 en [0, suma(w)]; se queda la elección 2 cuando w2*carga1 > w1*carga2',
		),
		picks: (r1: number, r2: number, total: number) =>
			both(`random picks r1 = ${r1}, r2 = ${r2} (mod ${total})`, `elecciones aleatorias r1 = ${r1}, r2 = ${r2} (mod ${total})`),
		/** Which picks landed on a server: 1, 2 or both. */
		tag: (pick1: boolean, pick2: boolean) =>
			pick1 && pick2 ? both(' (pick 1 and pick 2)', ' (elecciones 1 y 2)') : pick1 ? both(' (pick 1)', ' (elección 1)') : pick2 ? both(' (pick 2)', ' (elección 2)') : '',
		verdict: (cmp: string, second: boolean) =>
			second ? both(`${cmp}: pick 2 wins`, `${cmp}: gana la elección 2`) : both(`${cmp}: pick 1 wins`, `${cmp}: gana la elección 1`),
	},

	lblc: {
		rule: both(
			'cache[daddr] if AVAILABLE, weight > 0 and not (active > weight while some server has active*2 < weight); else wlc and remember it',
			'caché[daddr] si es AVAILABLE, peso > 0 y no (activas > peso mientras algún servidor tiene activas*2 < peso); si no, elige por wlc y lo recuerda',
		),
		hit: (daddr: string, dest: string, ago: number) =>
			both(`cache: ${daddr} -> ${dest}, last used ${ago} s ago`, `caché: ${daddr} -> ${dest}, usada por última vez hace ${ago} s`),
		miss: (daddr: string) => both(`cache: no entry for ${daddr}`, `caché: ninguna entrada para ${daddr}`),
		stored: (daddr: string, dest: string) => both(`cache: ${daddr} -> ${dest} stored`, `caché: ${daddr} -> ${dest} guardada`),
		cached: (w: number, a: number) => both(`cached, weight ${w}, active ${a}`, `en caché, peso ${w}, activas ${a}`),
		cachedDeleted: both('cached but deleted', 'en caché pero borrado'),
		cachedWeight: (w: number) => both(`cached, weight ${w}`, `en caché, peso ${w}`),
		cachedOverloaded: (a: number, w: number) =>
			both(
				`cached, active ${a} > weight ${w} and a server is under half its weight`,
				`en caché, activas ${a} > peso ${w} y hay un servidor por debajo de la mitad de su peso`,
			),
	},

	lblcr: {
		rule: both(
			'least loaded usable member of set[daddr]; if none or overloaded, wlc over all and add it; a set unchanged for lblcr_expiration drops its most loaded member',
			'el miembro utilizable menos cargado de conjunto[daddr]; si no hay o está sobrecargado, elige por wlc entre todos y lo añade; un conjunto sin cambios durante lblcr_expiration pierde su miembro más cargado',
		),
		member: both('set member: ', 'miembro del conjunto: '),
		deleted: both('deleted', 'borrado'),
		shrunk: (secs: number, dest: string) =>
			both(`set unchanged for over ${secs} s: ${dest} (most loaded) removed`, `conjunto sin cambios durante más de ${secs} s: se quita ${dest} (el más cargado)`),
		miss: (daddr: string) => both(`cache: no server set for ${daddr}`, `caché: ningún conjunto de servidores para ${daddr}`),
		created: (daddr: string, dest: string) => both(`cache: new set for ${daddr}: ${dest}`, `caché: conjunto nuevo para ${daddr}: ${dest}`),
		hit: (daddr: string, set: string, ago: number) =>
			both(`cache: set for ${daddr} = [${set}], changed ${ago} s ago`, `caché: conjunto para ${daddr} = [${set}], cambiado hace ${ago} s`),
		overloaded: (dest: string, a: number, w: number) =>
			both(
				`${dest} is overloaded (active ${a} > weight ${w}): pick from all servers`,
				`${dest} está sobrecargado (activas ${a} > peso ${w}): se elige entre todos los servidores`,
			),
		noMember: both('no usable member: pick from all servers', 'ningún miembro utilizable: se elige entre todos los servidores'),
		now: (set: string) => both(`set now [${set}]`, `conjunto ahora [${set}]`),
	},
};
