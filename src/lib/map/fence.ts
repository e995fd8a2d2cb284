/**
 * The fence layer: Pakistan's claimed share of the border fenced, drawn along the Durand Line.
 * The share is drawn from the line's northern end; it shows how much is claimed, not where.
 */
import { clamp01 } from './polyline';

/** Share of the fence shown at a progress p through the step: eased from `from` to `to`. */
export function fenceShareAt(from: number, to: number, progress: number): number {
	const t = clamp01(progress);
	const eased = t * t * (3 - 2 * t);
	return clamp01(from + (to - from) * eased);
}

/** stroke-dasharray for a path with pathLength=1 showing `share` of it. */
export function dashFor(share: number): string {
	const s = clamp01(share);
	return `${s.toFixed(4)} ${(1 - s + 0.001).toFixed(4)}`;
}
