import {memo, useMemo} from 'react';
import type {LabSnapshot} from '../../lab/snapshot';
import {useSettings} from '../settings';
import {Lines} from '../text/lines';
import {clusterLines, type NodeMeasure} from './cluster-lines';

interface Props {
	readonly snapshot: LabSnapshot;
	readonly selected?: string;
	readonly focused: boolean;
	readonly nodeMeasure: NodeMeasure;
	readonly width: number;
	readonly height: number;
}

/** The panel draws only these parts of a snapshot; the store reuses them while they do not change. */
function sameCluster(a: LabSnapshot, b: LabSnapshot): boolean {
	return a.hosts === b.hosts && a.vips === b.vips && a.services === b.services && a.servers === b.servers && a.nodes === b.nodes && a.director === b.director && a.client === b.client && a.totalRate === b.totalRate;
}

/** Topology and per-server bars: who holds the VIP, traffic paths, every host's state and load. */
export const ClusterPanel = memo(function ClusterPanel(props: Props) {
	const {theme, t} = useSettings();
	const {snapshot, selected, focused, nodeMeasure, width, height} = props;
	// eslint-disable-next-line react-hooks/exhaustive-deps
	const lines = useMemo(() => clusterLines({snapshot, selected, focused, nodeMeasure, width, height, theme, t}), [snapshot.hosts, snapshot.vips, snapshot.services, snapshot.servers, snapshot.nodes, snapshot.director, snapshot.client, snapshot.totalRate, selected, focused, nodeMeasure, width, height, theme, t]);
	return <Lines lines={lines} width={width} height={height} />;
}, (a, b) => sameCluster(a.snapshot, b.snapshot) && a.selected === b.selected && a.focused === b.focused && a.nodeMeasure === b.nodeMeasure && a.width === b.width && a.height === b.height);
