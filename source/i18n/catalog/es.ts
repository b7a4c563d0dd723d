import type {Catalog} from './en';

/** Los textos propios del laboratorio en español (las herramientas reales conservan su salida). */
export const es: Catalog = {
	help: {
		intro: 'Comandos del shell del laboratorio. Las herramientas reales imprimen lo mismo que las reales; los comandos del laboratorio están marcados.\nEscribe un comando con -h o --help para ver sus opciones.\n',
		groups: {
			shell: 'Shell',
			files: 'Archivos',
			process: 'Procesos',
			network: 'Red',
			system: 'Sistema (módulos del kernel, paquetes, arranque)',
			lvs: 'Linux Virtual Server',
			ha: 'Alta disponibilidad (heartbeat, ldirectord)',
			traffic: 'Tráfico desde el PC cliente',
			mosix: 'openMosix',
			lab: 'Laboratorio (tiempo, fallos, explicaciones)',
		},
	},
	cli: {
		description: 'Un laboratorio interactivo en la terminal para aprender cómo funcionan los clusters: LVS, UltraMonkey (heartbeat + ldirectord) y openMosix en un mini-cluster simulado y en vivo.',
		usage: `
  Uso
    $ cluster-lab                              abre el laboratorio (elige un escenario)
    $ cluster-lab --scenario NOMBRE|ARCHIVO    abre el laboratorio en ese escenario
    $ cluster-lab sandbox [--scenario NOMBRE|ARCHIVO] [--seed N]
                                               abre el laboratorio en un escenario
    $ cluster-lab run [--scenario NOMBRE|ARCHIVO] [--seed N] [GUION|-]
                                               ejecuta los comandos de un guion (o de la
                                               entrada estándar) e imprime la transcripción
    $ cluster-lab scenarios                    lista los escenarios incluidos
    $ cluster-lab lessons [--json]             lista las lecciones y tu avance
    $ cluster-lab lesson ID                    estudia una lección (su número o nombre)
    $ cluster-lab validate [CARPETA]           revisa una carpeta de lecciones
    $ cluster-lab lang [en|es|auto]            muestra o guarda el idioma del laboratorio

  Opciones
    --scenario, -s NOMBRE|ARCHIVO  escenario a cargar (por omisión: sandbox)
    --seed N                  semilla de los números aleatorios de la simulación (por omisión: 1)
    --lang en|es              idioma de los textos propios del laboratorio
    --lessons CARPETA         usa las lecciones de CARPETA en vez de las incluidas
    --json                    salida para otros programas (lessons)
    --plain                   números en vez de gráficas, palabras en vez de símbolos (ASCII)
    --no-color                sin colores (NO_COLOR=1 hace lo mismo)
    --help                    muestra esta ayuda
    --version                 muestra la versión

  Ejemplos
    $ cluster-lab run --scenario sandbox mi-configuracion-lvs.txt
    $ echo 'ipvsadm -L -n' | cluster-lab run -
    $ cluster-lab lesson 4
`,
		unknownLang: "idioma desconocido '{{lang}}' (usa en o es)",
		badSeed: "--seed necesita un número entero entre 0 y 4294967295, no '{{seed}}'",
		needsTerminal: 'el laboratorio necesita una terminal; para ejecutar comandos desde un guion usa: cluster-lab run GUION',
		unknownOption: 'opción desconocida {{option}} (revisa cluster-lab --help)',
		repeatedOption: '{{option}} aparece más de una vez (revisa cluster-lab --help)',
		unknownCommand: "comando desconocido '{{command}}'; revisa cluster-lab --help",
		tooManyScripts: 'run recibe un solo guion y recibió {{count}}: {{list}}',
		cannotReadScript: 'no se puede leer el guion {{file}}: {{reason}}',
		noSuchFile: 'no existe el archivo',
		isDirectory: 'es una carpeta',
		extraArguments: '{{command}} recibe {{max}} argumento(s) y recibió: {{list}}',
	},
	lang: {
		current: 'idioma: {{lang}} ({{source}})',
		sources: {
			flag: 'por --lang',
			saved: 'configuración guardada',
			env: 'según la configuración regional del sistema',
			default: 'por omisión',
		},
		saved: 'idioma guardado: {{lang}}',
		cleared: 'se borró el idioma guardado; ahora decide la configuración regional del sistema ({{lang}})',
		usage: 'uso: cluster-lab lang [en|es|auto]',
	},
	lessons: {
		heading: 'Lecciones',
		lesson: 'Lección',
		status: {
			new: 'sin empezar',
			started: 'en curso {{done}}/{{total}}',
			done: 'terminada',
		},
		waiting: 'muy pronto (necesita {{commands}})',
		resume: 'Continúa con: cluster-lab lesson {{id}}',
		start: 'Empieza con: cluster-lab lesson {{id}}',
		none: 'No se encontraron lecciones.',
		unknown: "no existe la lección '{{id}}' (revisa cluster-lab lessons)",
		invalid: 'algunos archivos de lecciones tienen problemas (cluster-lab validate los muestra todos):',
		onlyLanguage: 'estas lecciones solo existen en {{lang}}',
	},
	lesson: {
		title: 'Lección {{number}} · {{title}}',
		meta: 'unos {{minutes}} minutos · escenario: {{scenario}}',
		metaNoTime: 'escenario: {{scenario}}',
		step: 'Paso {{n}}/{{total}} · {{title}}',
		goals: 'Objetivos:',
		quiz: 'Pregunta:',
		predict: 'Predice, luego ejecuta los comandos y observa:',
		predictCount: '(elige {{count}}, en orden)',
		summary: 'Resumen',
		studyInTerminal: 'En una terminal, cluster-lab lesson {{id}} abre esta lección junto a su cluster en vivo (el escenario {{scenario}}), con objetivos que se comprueban solos.',
	},
	study: {
		correct: 'Correcto.',
		wrong: 'No exactamente. Inténtalo de nuevo.',
		predicted: 'Anotamos tu predicción: {{values}}. Ahora ejecuta los comandos y observa.',
		observedRight: 'Predijiste {{predicted}} y ocurrió {{observed}}: ¡bien hecho!',
		observedWrong: 'Predijiste {{predicted}}, pero ocurrió {{observed}}.',
		waitingFor: 'Hasta ahora: {{values}}',
		answerEmpty: 'Escribe una letra (o varias), o la opción misma.',
		answerUnknown: "'{{word}}' no es una de las opciones.",
		answerCount: 'Indica {{count}} valores, en orden.',
		alreadyPredicted: 'Ya hiciste esta predicción; ejecuta los comandos para ver qué pasa.',
		hint: 'Pista {{n}}/{{total}}',
		noMoreHints: 'No quedan pistas: lo que sigue es la solución de referencia.',
		solution: 'Solución de referencia:',
		stepDone: 'Paso completado.',
		lessonDone: 'Lección completada.',
	},
	goals: {
		all: 'todo esto: {{list}}',
		any: 'alguno de estos: {{list}}',
		not: 'que no: {{goal}}',
		ipvsService: '{{host}} tiene el servicio virtual {{service}}{{details}}',
		ipvsServiceGone: '{{host}} ya no tiene el servicio virtual {{service}}',
		ipvsDest: '{{host}}: {{service}} envía al servidor real {{dest}}{{details}}',
		ipvsDestGone: '{{host}}: {{service}} ya no tiene el servidor real {{dest}}',
		ipvsStats: '{{host}}: contadores de {{target}}{{details}}',
		connections: '{{host}}: {{count}} entradas en la tabla de conexiones{{details}}',
		fileContains: '{{host}}: {{path}} contiene {{text}}',
		fileExists: '{{host}}: existe {{path}}',
		sysctl: '{{host}}: {{key}} = {{value}}',
		addressOn: '{{host}} tiene la dirección {{address}}{{details}}',
		route: '{{host}} tiene una ruta hacia {{to}}{{details}}',
		neighbor: 'la caché ARP de {{host}} tiene {{ip}}{{details}}',
		hostState: '{{host}} está{{details}}',
		shellOn: 'estás conectado en {{host}}',
		processRunning: '{{host}} ejecuta un proceso que coincide con {{match}}{{details}}',
		commandRan: 'ejecutaste un comando que coincide con {{match}}{{details}}',
		outputMatched: 'la salida coincidió con {{match}}{{details}}',
		timelineEvent: 'ocurrió un evento que coincide con {{match}}{{details}}',
	},
	validate: {
		ok: '{{lessons}} lecciones, {{steps}} pasos: todas las revisiones están en orden.',
		summary: '{{errors}} problema(s), {{passed}} revisión(es) de pasos aprobadas (se revisa cada idioma).',
		summaryWaiting: '{{errors}} problema(s), {{passed}} revisión(es) de pasos aprobadas, {{waiting}} sin ejecutar porque necesitan comandos que aún no existen en esta versión (se revisa cada idioma).',
		missingLang: 'falta la versión {{lang}} de la lección {{id}}',
		numberDiffers: 'el número de la lección no coincide con {{other}}',
		fieldDiffers: '{{field}} no coincide con {{other}}',
		stepsDiffer: 'los pasos {{mine}} no coinciden con {{other}} ({{theirs}})',
		goalCount: 'aquí hay {{mine}} objetivo(s) y en {{other}} hay {{theirs}}',
		goalDiffers: 'el objetivo {{n}} no coincide con {{other}}',
		quizCount: 'aquí hay {{mine}} pregunta(s) y en {{other}} hay {{theirs}}',
		quizDiffers: 'la pregunta {{id}} no coincide con {{other}} (tipo, cantidad de opciones, respuesta o lo que se observa)',
		hintCount: 'aquí hay {{mine}} pista(s) y en {{other}} hay {{theirs}}',
		scenario: "escenario '{{name}}': {{message}}",
		waiting: 'el paso {{step}} espera comandos que aún no existen en esta versión: {{commands}} (no se revisó)',
		waitingLesson: 'la lección necesita comandos que aún no existen en esta versión: {{commands}}',
		cannotOpen: 'el paso {{step}} no puede comenzar: {{message}}',
		setupFailed: "el comando de preparación '{{command}}' terminó con {{status}}: {{output}}",
		passesAtStart: 'el paso {{step}} ya se aprueba antes de que el estudiante haga algo (sus objetivos se cumplen desde el inicio)',
		solutionStatus: "el comando de la solución '{{command}}' terminó con {{status}} (se esperaba {{expected}}): {{output}}",
		goalFails: 'paso {{step}}: el objetivo {{n}} no se cumple después de la solución de referencia: {{goal}}',
		predictionUnseen: 'predicción {{id}}: la solución de referencia muestra solo {{seen}} de {{count}} valores ({{values}})',
		predictionDiffers: 'predicción {{id}}: la solución de referencia muestra {{seen}}, pero expect dice {{expect}}',
	},
	progress: {
		corrupt: 'no se pudo leer tu archivo de avance {{file}}; se guardó como {{keptAs}} y el laboratorio empieza de cero',
		corruptStuck: 'no se pudo leer tu archivo de avance {{file}} ni apartarlo; esta vez no se guardará el avance',
		newer: 'tu archivo de avance {{file}} lo escribió una versión más nueva de cluster-lab; se guardó como {{keptAs}} y el laboratorio empieza de cero',
		newerStuck: 'tu archivo de avance {{file}} lo escribió una versión más nueva de cluster-lab; no se tocó y esta vez no se guardará el avance',
		unwritable: 'no se puede guardar el avance en {{file}} ({{detail}})',
	},
	ui: {
		quitHint: 'Ctrl+D para salir',
	},
};
