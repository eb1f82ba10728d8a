import type { Pairing } from '../coverage.ts'

/** Pairings of the operation-table methods of this group. */
export const PAIRINGS: Pairing[] = []
